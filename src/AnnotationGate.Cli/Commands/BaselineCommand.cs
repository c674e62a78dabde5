using System.CommandLine;
using AnnotationGate.Cli.Output;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Engine;
using AnnotationGate.Core.Regression;
using AnnotationGate.Core.Results;
using Spectre.Console;

namespace AnnotationGate.Cli.Commands;

/// <summary>
/// <c>annotationgate baseline GATE [-o FILE]</c>: runs the gate and, when it passes, records its metrics
/// and per-item outcomes as the accepted baseline.
/// </summary>
public static class BaselineCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var gate = new Argument<string>("gate") { Description = "Path of the gate file (.gate.yml or .json)." };
        var file = new Option<string?>("--output", "-o")
        {
            Description = "Baseline file to write. Default: the gate file's baseline key, relative to the gate file.",
        };
        var root = new Option<string?>("--root") { Description = "Folder that dataset paths must stay inside. Default: the git repository of the gate file." };
        var cache = CacheOption.Create();
        var command = new Command("baseline", "Runs a gate and, if it passes, records the result as the baseline later runs are compared with. The run is not compared with the old baseline: recording is how a drop is accepted, so record baselines only from accepted results. A failed or partial run never replaces an existing baseline.")
        {
            gate,
            file,
            root,
            cache,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var gatePath = parseResult.GetValue(gate)!;
            var target = TargetPath(gatePath, parseResult.GetValue(file), error);
            if (target is null)
            {
                return ExitCodes.CouldNotRun;
            }

            using var services = CacheOption.CreateServices(parseResult.GetValue(cache), gatePath, error);
            var options = new GateRunOptions { RepositoryRoot = parseResult.GetValue(root), SkipBaseline = true, Services = services };
            var result = await new GateRunner(options).RunAsync(gatePath, cancellationToken).ConfigureAwait(false);
            ConsoleReport.Write(result, AnsiConsole.Console, output, interactive: false);
            return Record(result, gatePath, target, output, error);
        });
        return command;
    }

    private static int Record(GateResult result, string gatePath, string target, TextWriter output, TextWriter error)
    {
        try
        {
            var baseline = BaselineStore.Write(target, result, BaselineFile.ComputeSha256(gatePath), TimeProvider.System);
            var items = baseline.Checks.Sum(c => c.Items.Count);
            output.WriteLine($"Wrote baseline {target}: {baseline.Checks.Count} check(s), {items} golden item outcome(s).");
            return ExitCodes.Passed;
        }
        catch (BaselineException ex)
        {
            error.WriteLine($"error: the baseline was not written: {ex.Message}");
            return result.Verdict == Verdict.Error ? ExitCodes.CouldNotRun : ExitCodes.GateFailed;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: the baseline '{target}' could not be written: {ex.Message} Check that the folder exists and is writable.");
            return ExitCodes.CouldNotRun;
        }
    }

    private static string? TargetPath(string gatePath, string? given, TextWriter error)
    {
        if (given is not null)
        {
            return Path.GetFullPath(given);
        }

        try
        {
            var gate = GateFileLoader.Load(gatePath);
            if (GateRunner.ConfiguredBaselinePath(gate) is { } configured)
            {
                return configured;
            }

            error.WriteLine($"error: gate '{gatePath}' has no baseline key, so there is nowhere to write. Pass -o FILE or add 'baseline: baselines/NAME.json' to the gate file.");
            return null;
        }
        catch (GateConfigurationException ex)
        {
            foreach (var e in ex.Errors)
            {
                error.WriteLine(ValidateCommand.FormatError(e));
            }

            return null;
        }
    }
}
