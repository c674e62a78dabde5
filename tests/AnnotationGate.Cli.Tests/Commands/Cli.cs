using AnnotationGate.Cli;

namespace AnnotationGate.Cli.Tests.Commands;

/// <summary>Runner that invokes the command line in process and captures its output and error text.</summary>
internal static class Cli
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await GateCommandLine.InvokeAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
