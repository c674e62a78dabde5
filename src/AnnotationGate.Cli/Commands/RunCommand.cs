using System.CommandLine;
using AnnotationGate.Cli.Output;
using AnnotationGate.Core.Engine;
using AnnotationGate.Core.Results;
using Spectre.Console;

namespace AnnotationGate.Cli.Commands;

/// <summary><c>annotationgate run GATE</c>: runs every check of a gate file and prints the verdict.</summary>
public static class RunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var gate = new Argument<string>("gate") { Description = "Path of the gate file (.gate.yml or .json)." };
        var reports = new ReportOptions();
        var warningsAsErrors = new Option<bool>("--warnings-as-errors") { Description = "Fail the gate on warnings too." };
        var root = new Option<string?>("--root")
        {
            Description = "Folder that dataset paths must stay inside. Default: the git repository that holds the gate file.",
        };
        var baseline = new Option<string?>("--baseline")
        {
            Description = "Baseline file to compare with, overriding the gate file's baseline key.",
        };
        var cache = CacheOption.Create();
        var command = new Command("run", "Runs a gate: streams its datasets through every check and prints the verdict. Exit code 0 passed, 1 failed, 2 could not run.")
        {
            gate,
            warningsAsErrors,
            root,
            baseline,
            cache,
        };
        reports.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var interactive = ReferenceEquals(output, Console.Out) && ConsoleReport.IsInteractive(AnsiConsole.Console);
            var gatePath = parseResult.GetValue(gate)!;
            GateResult result;
            using (var services = CacheOption.CreateServices(parseResult.GetValue(cache), gatePath, error))
            using (var progress = new ConsoleProgress(AnsiConsole.Console, interactive))
            {
                var options = new GateRunOptions
                {
                    WarningsAsErrors = parseResult.GetValue(warningsAsErrors),
                    RepositoryRoot = parseResult.GetValue(root),
                    BaselinePath = parseResult.GetValue(baseline),
                    Progress = progress,
                    Services = services,
                };
                result = await new GateRunner(options).RunAsync(gatePath, cancellationToken).ConfigureAwait(false);
            }

            ConsoleReport.Write(result, AnsiConsole.Console, output, interactive);
            var written = reports.Write(result, parseResult, error);
            return written ? ToExitCode(result.Verdict) : ExitCodes.CouldNotRun;
        });
        return command;
    }

    public static int ToExitCode(Verdict verdict) => verdict switch
    {
        Verdict.Pass => ExitCodes.Passed,
        Verdict.Fail => ExitCodes.GateFailed,
        _ => ExitCodes.CouldNotRun,
    };
}
