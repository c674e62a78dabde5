using System.Text.Json;
using AnnotationGate.Core.Findings;

namespace AnnotationGate.Core.Data;

/// <summary>
/// Streams a JSONL file: one JSON object per line. Blank lines are skipped, CRLF and LF line breaks and a
/// missing final line break are accepted, and a UTF-8 byte order mark is ignored. A line that is not valid
/// UTF-8, not valid JSON or not an object is reported (AG0004 or AG0003) and skipped.
/// </summary>
/// <remarks>
/// Lines are parsed straight from the read buffer, so a record's <see cref="DataRecord.Root"/> is valid
/// only until the enumeration moves on.
/// </remarks>
public sealed class JsonLinesReader : IRecordReader
{
    private const string TooLongConsequence = "so it was skipped. Split the record, or check that the file has line breaks.";

    private const string ObjectPerLine = "Each line of a JSONL file must hold one complete JSON object.";

    /// <summary>The shared instance. The reader keeps no state between reads.</summary>
    public static JsonLinesReader Instance { get; } = new();

    public IEnumerable<DataRecord> Read(ResolvedDataset dataset, Action<Finding> onFinding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(onFinding);
        return ReadFile(dataset.FullPath, dataset.DisplayPath, onFinding, cancellationToken);
    }

    private static IEnumerable<DataRecord> ReadFile(
        string path, string file, Action<Finding> onFinding, CancellationToken cancellationToken)
    {
        using var stream = DataFile.Open(path);
        using var scanner = new LineScanner(stream);
        if (scanner.ForeignByteOrderMark is { } mark)
        {
            onFinding(ReaderFindings.ForeignEncoding(file, mark));
            yield break;
        }

        var index = 0L;
        while (scanner.TryReadLine(out var line, out var tooLong))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var document = Parse(line, tooLong, scanner.LineNumber, file, onFinding);
            if (document is null)
            {
                continue;
            }

            using (document)
            {
                yield return new DataRecord(file, scanner.LineNumber, index++, document.RootElement);
            }
        }
    }

    /// <summary>
    /// Reads the file as batches of raw lines (copied out of the read buffer, blank lines dropped), so
    /// that callers can parse and check the lines of a batch in parallel with <see cref="Parse"/>.
    /// Lines over the size limit and a foreign byte order mark are reported here.
    /// </summary>
    internal static IEnumerable<JsonLineBatch> ReadBatches(
        ResolvedDataset dataset, Action<Finding> onFinding, int batchSize, CancellationToken cancellationToken)
    {
        using var stream = DataFile.Open(dataset.FullPath);
        using var scanner = new LineScanner(stream);
        if (scanner.ForeignByteOrderMark is { } mark)
        {
            onFinding(ReaderFindings.ForeignEncoding(dataset.DisplayPath, mark));
            yield break;
        }

        var batch = new JsonLineBatch(batchSize);
        while (scanner.TryReadLine(out var line, out var tooLong))
        {
            if (tooLong)
            {
                onFinding(ReaderFindings.TooLong(dataset.DisplayPath, scanner.LineNumber,
                    TooLongConsequence));
                continue;
            }

            if (DataFile.IsBlank(line.Span))
            {
                continue;
            }

            batch.Add(line.Span, scanner.LineNumber);
            if (batch.Count == batchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return batch;
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>Parses one line into an object document, or reports why it cannot and returns null.</summary>
    internal static JsonDocument? Parse(
        ReadOnlyMemory<byte> line, bool tooLong, int lineNumber, string file, Action<Finding> onFinding)
    {
        if (tooLong)
        {
            onFinding(ReaderFindings.TooLong(file, lineNumber,
                TooLongConsequence));
            return null;
        }

        if (DataFile.IsBlank(line.Span))
        {
            return null;
        }

        var bad = DataFile.IndexOfInvalidUtf8(line.Span);
        if (bad >= 0)
        {
            onFinding(ReaderFindings.InvalidUtf8(file, line.Span, bad, lineNumber));
            return null;
        }

        return ParseObject(line, lineNumber, file, onFinding);
    }

    private static JsonDocument? ParseObject(ReadOnlyMemory<byte> line, int lineNumber, string file, Action<Finding> onFinding)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, DataFile.DocumentOptions);
        }
        catch (JsonException exception)
        {
            onFinding(ReaderFindings.InvalidJson(file, exception, lineNumber, "record", "The line was skipped. " + ObjectPerLine));
            return null;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            onFinding(ReaderFindings.NotAnObject(file, lineNumber, document.RootElement.ValueKind, ObjectPerLine));
            document.Dispose();
            return null;
        }

        return document;
    }
}
