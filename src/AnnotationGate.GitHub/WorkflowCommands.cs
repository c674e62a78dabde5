using System.Globalization;
using System.Text;

namespace AnnotationGate.GitHub;

/// <summary>
/// Formats GitHub Actions workflow commands (<c>::error file=…,line=…::message</c>) with the runner's
/// escaping: <c>%</c>, CR and LF in the message; those plus <c>:</c> and <c>,</c> in properties.
/// </summary>
public static class WorkflowCommands
{
    /// <summary>Longest annotation message GitHub keeps: 4,096 characters; longer ones are cut.</summary>
    public const int MaxMessageLength = 4096;

    /// <summary>Escapes text for the message part of a workflow command.</summary>
    public static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>Escapes text for a property value of a workflow command.</summary>
    public static string EscapeProperty(string value) =>
        EscapeData(value)
            .Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>
    /// Formats an annotation command: <paramref name="command"/> is <c>error</c>, <c>warning</c> or
    /// <c>notice</c>. A message over <see cref="MaxMessageLength"/> characters is cut with an ellipsis
    /// before escaping, so GitHub never cuts it in the middle of an escape sequence.
    /// </summary>
    public static string Annotation(string command, AnnotationProperties properties, string message)
    {
        var builder = new StringBuilder("::").Append(command);
        var separator = ' ';
        foreach (var (name, value) in properties.Pairs())
        {
            builder.Append(separator).Append(name).Append('=').Append(EscapeProperty(value));
            separator = ',';
        }

        return builder.Append("::").Append(EscapeData(Shorten(message))).ToString();
    }

    /// <summary>Formats <c>::stop-commands::TOKEN</c>, after which the runner ignores commands until <c>::TOKEN::</c>.</summary>
    public static string StopCommands(string token) => "::stop-commands::" + token;

    /// <summary>Formats the line that resumes command processing after <see cref="StopCommands"/>.</summary>
    public static string ResumeCommands(string token) => "::" + token + "::";

    private static string Shorten(string message) =>
        message.Length <= MaxMessageLength ? message : message[..(MaxMessageLength - 1)] + "…";
}

/// <summary>Location and title of an annotation; null values are left out of the command.</summary>
public sealed record AnnotationProperties(string? File = null, int? Line = null, int? Column = null, string? Title = null)
{
    internal IEnumerable<(string Name, string Value)> Pairs()
    {
        if (!string.IsNullOrEmpty(File))
        {
            yield return ("file", File);
            if (Line is { } line)
            {
                yield return ("line", line.ToString(CultureInfo.InvariantCulture));
                if (Column is { } column)
                {
                    yield return ("col", column.ToString(CultureInfo.InvariantCulture));
                }
            }
        }

        if (!string.IsNullOrEmpty(Title))
        {
            yield return ("title", Title);
        }
    }
}
