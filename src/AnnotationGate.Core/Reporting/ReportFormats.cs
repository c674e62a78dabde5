using System.Text;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Reporting;

/// <summary>A file format that a gate result can be written in.</summary>
public enum ReportFormat
{
    Markdown,
    Json,
    JUnit,
    Sarif,
}

/// <summary>Looks up report formats by name and renders or writes a result in one of them.</summary>
public static class ReportFormats
{
    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Names accepted on the command line, in the order that help text lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["markdown", "json", "junit", "sarif"];

    /// <summary>Parses a format name, ignoring case and surrounding spaces; <c>md</c> means Markdown.</summary>
    public static bool TryParse(string name, out ReportFormat format)
    {
        format = name.Trim().ToLowerInvariant() switch
        {
            "markdown" or "md" => ReportFormat.Markdown,
            "json" => ReportFormat.Json,
            "junit" => ReportFormat.JUnit,
            "sarif" => ReportFormat.Sarif,
            _ => (ReportFormat)(-1),
        };
        return Enum.IsDefined(format);
    }

    /// <summary>Returns the usual file extension: <c>.md</c>, <c>.json</c>, <c>.xml</c> or <c>.sarif</c>.</summary>
    public static string Extension(ReportFormat format) => format switch
    {
        ReportFormat.Markdown => ".md",
        ReportFormat.Json => ".json",
        ReportFormat.JUnit => ".xml",
        _ => ".sarif",
    };

    /// <summary>Renders the result in a format; Markdown uses its default size limit.</summary>
    public static string Render(GateResult result, ReportFormat format) => format switch
    {
        ReportFormat.Markdown => MarkdownReport.Render(result),
        ReportFormat.Json => JsonReport.Render(result),
        ReportFormat.JUnit => JUnitReport.Render(result),
        ReportFormat.Sarif => SarifReport.Render(result),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "The value is not a ReportFormat member."),
    };

    /// <summary>Writes the result to a file as UTF-8 without a byte-order mark, creating its folder.</summary>
    public static void WriteFile(GateResult result, ReportFormat format, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, Render(result, format), Utf8WithoutBom);
    }
}
