using System.Text.Json;
using AnnotationGate.Core.Findings;

namespace AnnotationGate.Core.Data;

/// <summary>
/// Streams a JSON file whose top level is an array of record objects, element by element, so the file is
/// never loaded whole. Each record's line is the line of its opening brace. An element that is not an
/// object or not valid UTF-8 is reported and skipped. Invalid JSON ends the file with one AG0003 finding,
/// because the parser cannot find the next record after it.
/// </summary>
public sealed class JsonArrayReader : IRecordReader
{
    /// <summary>The shared instance. The reader keeps no state between reads.</summary>
    public static JsonArrayReader Instance { get; } = new();

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
        using var scanner = new JsonArrayScanner(stream, file, onFinding);
        var index = 0L;
        while (scanner.TryReadElement(out var element, out var line))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var document = Parse(element, line, file, onFinding);
            if (document is null)
            {
                continue;
            }

            using (document)
            {
                yield return new DataRecord(file, line, index++, document.RootElement);
            }
        }
    }

    private static JsonDocument? Parse(ReadOnlyMemory<byte> element, int line, string file, Action<Finding> onFinding)
    {
        var bad = DataFile.IndexOfInvalidUtf8(element.Span);
        if (bad >= 0)
        {
            onFinding(ReaderFindings.InvalidUtf8(file, element.Span, bad, line));
            return null;
        }

        // The scanner has checked the syntax already, so this parse does not throw.
        var document = JsonDocument.Parse(element, DataFile.DocumentOptions);
        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            return document;
        }

        onFinding(ReaderFindings.NotAnObject(file, line, document.RootElement.ValueKind,
            "Each element of the top-level array must be a record object."));
        document.Dispose();
        return null;
    }
}
