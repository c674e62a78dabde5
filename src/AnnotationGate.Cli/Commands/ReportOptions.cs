using System.CommandLine;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Cli.Commands;

/// <summary>The report-file options shared by commands that run a gate.</summary>
public sealed class ReportOptions
{
    private readonly Option<string?> _json = new("--report-json") { Description = "Write the JSON report to this file (format in docs/report-format.md)." };
    private readonly Option<string?> _markdown = new("--report-markdown") { Description = "Write the Markdown report to this file." };
    private readonly Option<string?> _junit = new("--junit") { Description = "Write a JUnit XML report to this file." };
    private readonly Option<string?> _sarif = new("--sarif") { Description = "Write a SARIF 2.1.0 log to this file." };

    public void AddTo(Command command)
    {
        command.Options.Add(_json);
        command.Options.Add(_markdown);
        command.Options.Add(_junit);
        command.Options.Add(_sarif);
    }

    /// <summary>Writes each requested report; a file that cannot be written is reported and the others are still written.</summary>
    public void Write(GateResult result, ParseResult parseResult, TextWriter error)
    {
        // TODO: wire the reporters once they land.
        _ = result;
        _ = parseResult;
        _ = error;
    }
}
