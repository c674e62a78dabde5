using System.CommandLine;
using AnnotationGate.Cli.Output;
using AnnotationGate.Core.Engine;
using AnnotationGate.Core.Reporting;
using AnnotationGate.Core.Results;
using AnnotationGate.Embeddings;
using AnnotationGate.GitHub;

namespace AnnotationGate.Cli.Commands;

/// <summary>
/// <c>annotationgate github</c>: the GitHub Action's entry point. Reads the Action's inputs and the
/// step's context from <c>INPUT_*</c> and <c>GITHUB_*</c> variables, runs the gate with the same engine
/// as <c>run</c>, and publishes the result (summary, outputs, annotations, pull-request comment).
/// With the <c>report</c> input it publishes a saved JSON report instead of running the gate.
/// </summary>
public static class GitHubCommand
{
    /// <summary>Creates the command; it reads the process environment.</summary>
    public static Command Create(TextWriter output, TextWriter error) =>
        Create(output, error, Environment.GetEnvironmentVariable);

    /// <summary>Creates the command with <paramref name="environment"/> as the variable lookup, for tests.</summary>
    public static Command Create(TextWriter output, TextWriter error, Func<string, string?> environment)
    {
        var command = new Command("github",
            "Runs a gate as a GitHub Action step: reads INPUT_* and GITHUB_* variables, writes the job summary, "
            + "step outputs, annotations and the pull-request comment. Exit code 0 passed, 1 failed, 2 could not run.");
        command.SetAction((_, cancellationToken) => RunAsync(environment, output, error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        Func<string, string?> environment, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ActionSettings settings;
        try
        {
            settings = ActionSettings.Read(environment);
        }
        catch (ActionInputException ex)
        {
            await error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            PublishInputError(environment, output, error, ex.Message);
            return ExitCodes.CouldNotRun;
        }

        var host = new ActionHost(settings, output, error);
        GateResult result;
        if (settings.SavedReportPath is { } savedReport)
        {
            if (await ReadReportAsync(savedReport, error).ConfigureAwait(false) is not { } saved)
            {
                return ExitCodes.CouldNotRun;
            }

            result = saved;
        }
        else
        {
            result = host.Normalize(await RunGateAsync(settings, error, cancellationToken).ConfigureAwait(false));
        }

        host.WriteLog(writer => ConsoleReport.WritePlain(result, writer));
        var published = await host.PublishAsync(result, cancellationToken).ConfigureAwait(false);
        return published ? RunCommand.ToExitCode(result.Verdict) : ExitCodes.CouldNotRun;
    }

    // Writes an error annotation, an ERROR summary and verdict=error when the inputs are invalid, so
    // the workflow sees why no gate ran. The docs promise verdict=error with exit code 2.
    private static void PublishInputError(Func<string, string?> environment, TextWriter output, TextWriter error, string message)
    {
        output.WriteLine(WorkflowCommands.Annotation("error", new AnnotationProperties(Title: "AnnotationGate"), message));
        try
        {
            if (environment("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
            {
                StepSummary.Append(summary, $"## AnnotationGate: ERROR\n\nThe gate did not run: {message}\n");
            }

            if (environment("GITHUB_OUTPUT") is { Length: > 0 } outputs)
            {
                OutputFile.Append(outputs, [new("verdict", "error")]);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: The job summary or step outputs could not be written: {ex.Message} Check GITHUB_STEP_SUMMARY and GITHUB_OUTPUT.");
        }
    }

    private static async Task<GateResult?> ReadReportAsync(string path, TextWriter error)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            return JsonReport.Read(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ReportFormatException)
        {
            await error.WriteLineAsync($"error: Input 'report' '{path}' could not be read: {ex.Message} Check the path and that the file is an AnnotationGate JSON report.").ConfigureAwait(false);
            return null;
        }
    }

    private static async Task<GateResult> RunGateAsync(ActionSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        using var services = new ProgressEmbeddingServices(new EmbeddingServices(settings.CacheDirectory), progress);
        var gatePath = settings.GatePath!;
        var options = new GateRunOptions
        {
            WarningsAsErrors = settings.WarningsAsErrors,
            BaselinePath = settings.BaselinePath,
            Services = services,
        };
        return await new GateRunner(options).RunAsync(gatePath, cancellationToken).ConfigureAwait(false);
    }
}
