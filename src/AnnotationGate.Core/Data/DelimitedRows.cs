using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AnnotationGate.Core.Findings;

namespace AnnotationGate.Core.Data;

/// <summary>
/// Turns the lines of one CSV or TSV file into record documents: joins the lines of a row whose quoted
/// field spans line breaks, reads the header, checks each row and writes it as a JSON object.
/// </summary>
internal sealed class DelimitedRows : IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly DelimitedReader _format;
    private readonly string _file;
    private readonly Action<Finding> _onFinding;
    private readonly DelimitedRowParser _parser;
    private readonly ArrayBufferWriter<byte> _pending = new();
    private readonly ArrayBufferWriter<byte> _json = new();
    private readonly Utf8JsonWriter _writer;
    private JsonEncodedText[]? _columns;

    // Line on which the row being joined starts, or 0 when no row is open.
    private int _pendingLine;

    public DelimitedRows(DelimitedReader format, string file, Action<Finding> onFinding)
    {
        _format = format;
        _file = file;
        _onFinding = onFinding;
        _parser = new DelimitedRowParser(format.Delimiter, format.Quoting);
        _writer = new Utf8JsonWriter(_json, WriterOptions);
    }

    /// <summary>
    /// Takes the next line. Sets <paramref name="document"/> when the line completes a good data row.
    /// Returns false when the rest of the file cannot be read.
    /// </summary>
    public bool TryAccept(ReadOnlySpan<byte> line, bool tooLong, int lineNumber, out JsonDocument? document, out int recordLine)
    {
        document = null;
        recordLine = _pendingLine > 0 ? _pendingLine : lineNumber;
        if (tooLong || (_pendingLine > 0 && _pending.WrittenCount + line.Length > DataFile.MaxRecordBytes))
        {
            return SkipTooLong(recordLine);
        }

        if (!TryCompleteRow(line, lineNumber, out var row))
        {
            return true;
        }

        return _columns is null ? TryReadHeader(row, recordLine) : TryReadRow(row, recordLine, out document);
    }

    /// <summary>Reports a quoted field that the end of the file left open.</summary>
    public void Finish()
    {
        if (_pendingLine > 0)
        {
            _onFinding(ReaderFindings.Malformed(_file, _pendingLine, null,
                "A quoted field that starts in this row is never closed, so the row was skipped. "
                + "Close the quote, and write a quote inside a quoted field as \"\"."));
        }
    }

    public void Dispose() => _writer.Dispose();

    private bool SkipTooLong(int recordLine)
    {
        var inQuotedField = _pendingLine > 0;
        _onFinding(ReaderFindings.TooLong(_file, recordLine, inQuotedField
            ? "so reading stopped here. Check for a quoted field that is never closed."
            : "so it was skipped. Check that the file has line breaks."));
        _pendingLine = 0;
        return !inQuotedField;
    }

    /// <summary>Joins lines until no quoted field is open. Returns false while the row goes on.</summary>
    private bool TryCompleteRow(ReadOnlySpan<byte> line, int lineNumber, out ReadOnlySpan<byte> row)
    {
        row = line;
        if (_pendingLine == 0)
        {
            if (line.IsEmpty || !_parser.EndsInsideQuotes(line, startsInside: false))
            {
                return !line.IsEmpty;
            }

            _pending.ResetWrittenCount();
            _pending.Write(line);
            _pendingLine = lineNumber;
            return false;
        }

        _pending.Write("\n"u8);
        _pending.Write(line);
        if (_parser.EndsInsideQuotes(line, startsInside: true))
        {
            return false;
        }

        _pendingLine = 0;
        row = _pending.WrittenSpan;
        return true;
    }

    private bool TryReadHeader(ReadOnlySpan<byte> row, int line)
    {
        if (!TrySplit(row, line, "The header row"))
        {
            return false;
        }

        var columns = new JsonEncodedText[_parser.FieldCount];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Length; i++)
        {
            var name = ColumnName(Encoding.UTF8.GetString(_parser.Field(i)), i + 1, seen, line);
            columns[i] = JsonEncodedText.Encode(name, WriterOptions.Encoder);
        }

        _columns = columns;
        return true;
    }

    /// <summary>Returns a header name, renaming and reporting an empty or repeated one.</summary>
    private string ColumnName(string name, int number, HashSet<string> seen, int line)
    {
        var unique = name;
        var suffix = number.ToString(CultureInfo.InvariantCulture);
        if (name.Length == 0)
        {
            unique = "column" + suffix;
        }

        while (!seen.Add(unique))
        {
            unique += "_" + suffix;
        }

        if (unique != name)
        {
            var problem = name.Length == 0 ? "has no name" : $"repeats the name '{name}'";
            _onFinding(ReaderFindings.Malformed(_file, line, null,
                $"Header column {suffix} {problem}, so its values are read as '{unique}'. Give every column a distinct name."));
        }

        return unique;
    }

    private bool TryReadRow(ReadOnlySpan<byte> row, int line, out JsonDocument? document)
    {
        document = null;
        if (!TrySplit(row, line, "The row"))
        {
            return true;
        }

        if (_parser.FieldCount != _columns!.Length)
        {
            _onFinding(ReaderFindings.Malformed(_file, line, null, string.Create(CultureInfo.InvariantCulture,
                $"The row has {_parser.FieldCount} fields, but the header has {_columns.Length} columns, so it was skipped. {_format.FieldCountHint}")));
            return true;
        }

        document = JsonDocument.Parse(WriteObject());
        return true;
    }

    /// <summary>Checks the encoding and splits the row. Reports the problem and returns false when either fails.</summary>
    private bool TrySplit(ReadOnlySpan<byte> row, int line, string subject)
    {
        var bad = DataFile.IndexOfInvalidUtf8(row);
        if (bad >= 0)
        {
            _onFinding(ReaderFindings.InvalidUtf8(_file, row, bad, line));
            return false;
        }

        var stray = _parser.Parse(row);
        if (stray < 0)
        {
            return true;
        }

        var (strayLine, column) = DataFile.Position(row, stray, line);
        _onFinding(ReaderFindings.Malformed(_file, strayLine, column,
            $"{subject} has text after the closing quote of a field, so it was skipped. "
            + "End the quoted field at the comma, and write a quote inside it as \"\"."));
        return false;
    }

    private ReadOnlyMemory<byte> WriteObject()
    {
        _json.ResetWrittenCount();
        _writer.Reset(_json);
        _writer.WriteStartObject();
        for (var i = 0; i < _columns!.Length; i++)
        {
            _writer.WriteString(_columns[i], _parser.Field(i));
        }

        _writer.WriteEndObject();
        _writer.Flush();
        return _json.WrittenMemory;
    }
}
