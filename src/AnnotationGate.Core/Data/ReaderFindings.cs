using System.Globalization;
using System.Text.Json;
using AnnotationGate.Core.Findings;

namespace AnnotationGate.Core.Data;

/// <summary>Builds the AG0003 and AG0004 findings that readers report for records they cannot use.</summary>
internal static class ReaderFindings
{
    private static readonly string MaxRecordSize =
        (DataFile.MaxRecordBytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + " MiB";

    public static Finding Malformed(string file, int line, int? column, string message) =>
        new(RuleCatalog.MalformedRecord, Severity.Error, message) { File = file, Line = line, Column = column };

    /// <summary>Reports the first invalid UTF-8 byte of a record that starts on <paramref name="firstLine"/>.</summary>
    public static Finding InvalidUtf8(string file, ReadOnlySpan<byte> record, int badIndex, int firstLine)
    {
        var (line, column) = DataFile.Position(record, badIndex, firstLine);
        var message = string.Create(CultureInfo.InvariantCulture,
            $"The record has a byte (0x{record[badIndex]:X2}) that is not valid UTF-8, so it was skipped. Save the file as UTF-8, or fix the text at this position.");
        return new Finding(RuleCatalog.InvalidUtf8, Severity.Error, message) { File = file, Line = line, Column = column };
    }

    public static Finding ForeignEncoding(string file, string byteOrderMark) =>
        new(RuleCatalog.InvalidUtf8, Severity.Error,
            $"The file starts with a {byteOrderMark} byte order mark, but data files must be UTF-8, so it was not read. "
            + "Save the file as UTF-8 and run again.")
        {
            File = file,
            Line = 1,
        };

    /// <summary>Reports a record over the size limit. <paramref name="consequence"/> starts with "so".</summary>
    public static Finding TooLong(string file, int line, string consequence) =>
        Malformed(file, line, null, $"The record is longer than {MaxRecordSize}, {consequence}");

    public static Finding NotAnObject(string file, int line, JsonValueKind kind, string howToFix) =>
        Malformed(file, line, null, $"The record is a JSON {KindName(kind)}, not an object, so it was skipped. {howToFix}");

    /// <summary>
    /// Turns a System.Text.Json parse error into a finding about <paramref name="subject"/> ("record" or
    /// "file"). The parser's message names what it found. Its location suffix is dropped because the
    /// finding carries line and column as fields.
    /// </summary>
    public static Finding InvalidJson(string file, JsonException exception, int lineOffset, string subject, string consequence)
    {
        var line = lineOffset + (int)(exception.LineNumber ?? 0);
        var column = exception.BytePositionInLine is { } position ? (int)position + 1 : (int?)null;
        return Malformed(file, line, column, $"The {subject} is not valid JSON: {Describe(exception)} {consequence}");
    }

    /// <summary>
    /// Returns the parser's message without its <c>Path: … | LineNumber: …</c> suffix and without advice
    /// about reader options, which users of a data file cannot change.
    /// </summary>
    public static string Describe(JsonException exception)
    {
        var text = exception.Message;
        foreach (var marker in new[] { " Path: ", " LineNumber: ", " Change the reader options." })
        {
            var at = text.IndexOf(marker, StringComparison.Ordinal);
            if (at > 0)
            {
                text = text[..at];
            }
        }

        text = text.TrimEnd()
            .Replace(" which is not supported in this mode", ", which JSON does not allow", StringComparison.Ordinal)
            .Replace(" in this mode", "", StringComparison.Ordinal)
            .Replace(
                "Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed",
                "The text ends before an open object or array is closed",
                StringComparison.Ordinal);
        return text.EndsWith('.') ? text : text + ".";
    }

    public static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
