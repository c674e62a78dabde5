using AnnotationGate.Core.Findings;

namespace AnnotationGate.Core.Data;

/// <summary>
/// Streams a CSV or TSV file whose first row is a header. Each later row becomes a JSON object of
/// string columns keyed by the header names, and an empty cell is an empty string. CSV follows RFC 4180
/// quoting, so a quoted field may hold commas, <c>""</c> and line breaks. TSV splits on tabs only and
/// keeps quotes as they are. Empty lines are skipped. A row with a different number of fields than
/// the header, or with bytes that are not UTF-8, is reported and skipped.
/// </summary>
public sealed class DelimitedReader : IRecordReader
{
    private DelimitedReader(byte delimiter, bool quoting, string formatName, string fieldCountHint)
    {
        Delimiter = delimiter;
        Quoting = quoting;
        FormatName = formatName;
        FieldCountHint = fieldCountHint;
    }

    /// <summary>Comma-separated values with RFC 4180 quoting.</summary>
    public static DelimitedReader Csv { get; } =
        new((byte)',', quoting: true, "CSV", "Quote values that contain commas, or fix the row.");

    /// <summary>Tab-separated values without quote processing.</summary>
    public static DelimitedReader Tsv { get; } =
        new((byte)'\t', quoting: false, "TSV", "Remove tab characters inside values, or fix the row.");

    internal byte Delimiter { get; }

    internal bool Quoting { get; }

    internal string FormatName { get; }

    internal string FieldCountHint { get; }

    public IEnumerable<DataRecord> Read(ResolvedDataset dataset, Action<Finding> onFinding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(onFinding);
        return ReadFile(dataset.FullPath, dataset.DisplayPath, onFinding, cancellationToken);
    }

    private IEnumerable<DataRecord> ReadFile(string path, string file, Action<Finding> onFinding, CancellationToken cancellationToken)
    {
        using var stream = DataFile.Open(path);
        using var scanner = new LineScanner(stream);
        if (scanner.ForeignByteOrderMark is { } mark)
        {
            onFinding(ReaderFindings.ForeignEncoding(file, mark));
            yield break;
        }

        using var rows = new DelimitedRows(this, file, onFinding);
        var index = 0L;
        while (scanner.TryReadLine(out var line, out var tooLong))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!rows.TryAccept(line.Span, tooLong, scanner.LineNumber, out var document, out var recordLine))
            {
                yield break;
            }

            if (document is null)
            {
                continue;
            }

            using (document)
            {
                yield return new DataRecord(file, recordLine, index++, document.RootElement);
            }
        }

        rows.Finish();
    }
}
