using System.CommandLine;
using AnnotationGate.Cli.Commands;

namespace AnnotationGate.Cli;

/// <summary>Builds the <c>annotationgate</c> command tree and runs it.</summary>
public static class GateCommandLine
{
    /// <summary>Parses and runs the command line; invalid arguments exit with 2, not 1.</summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = Build(output, error);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message}").ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run 'annotationgate --help' for usage.").ConfigureAwait(false);
            return ExitCodes.CouldNotRun;
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return await parseResult.InvokeAsync(configuration).ConfigureAwait(false);
    }

    public static RootCommand Build(TextWriter output, TextWriter error)
    {
        var root = new RootCommand(
            "AnnotationGate: a quality gate for LLM features. Checks model outputs without labels, evaluates "
            + "them against an expert golden set and enforces where labels come from. Exit codes: 0 passed, "
            + "1 gate failed, 2 could not run.");
        root.Subcommands.Add(RunCommand.Create(output, error));
        root.Subcommands.Add(ValidateCommand.Create(output, error));
        root.Subcommands.Add(BaselineCommand.Create(output, error));
        root.Subcommands.Add(ParaphraseCommand.Create(output, error));
        root.Subcommands.Add(SchemaCommand.Create(output, error));
        root.Subcommands.Add(GitHubCommand.Create(output, error));
        return root;
    }
}
