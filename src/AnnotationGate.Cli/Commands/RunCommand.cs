using System.CommandLine;
using AnnotationGate.Core.Engine;
using AnnotationGate.Core.Results;

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
        var command = new Command("run", "Runs a gate: streams its datasets through every check and prints the verdict. Exit code 0 passed, 1 failed, 2 could not run.")
        {
            gate,
            warningsAsErrors,
            root,
        };
        reports.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new GateRunOptions
            {
                WarningsAsErrors = parseResult.GetValue(warningsAsErrors),
                RepositoryRoot = parseResult.GetValue(root),
            };
            var result = await new GateRunner(options).RunAsync(parseResult.GetValue(gate)!, cancellationToken).ConfigureAwait(false);
            ConsoleOutput.Write(result, output);
            reports.Write(result, parseResult, error);
            return ToExitCode(result.Verdict);
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
