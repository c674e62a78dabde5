using System.Globalization;
using System.Text.Json;
using AnnotationGate.Core.Data;
using AnnotationGate.Core.Findings;

namespace AnnotationGate.Core.Checks.Fields;

/// <summary>
/// Resolves one field path of a check and counts the records in which it was found, so that a path that
/// matched no record (usually a typo) is reported once at the end. Thread-safe.
/// </summary>
internal sealed class FieldUsage
{
    private const int MaxFieldNamesShown = 20;

    private long _found;
    private string? _firstRecordFields;

    public FieldUsage(FieldPath path)
    {
        Path = path;
    }

    public FieldPath Path { get; }

    /// <summary>Number of records in which the path resolved (to any value, null included).</summary>
    public long Found => Interlocked.Read(ref _found);

    /// <summary>Resolves the path in <paramref name="record"/> and counts it when found.</summary>
    public bool TryResolve(DataRecord record, out JsonElement value)
    {
        if (Volatile.Read(ref _firstRecordFields) is null)
        {
            Interlocked.CompareExchange(ref _firstRecordFields, DescribeFields(record.Root), null);
        }

        if (!Path.TryResolve(record.Root, out value))
        {
            return false;
        }

        Interlocked.Increment(ref _found);
        return true;
    }

    /// <summary>
    /// Reports <see cref="RuleCatalog.FieldNeverFound"/> when records were read but none had the path.
    /// </summary>
    public void ReportIfNeverFound(CheckContext context, string dataset, long records)
    {
        if (records == 0 || Found > 0)
        {
            return;
        }

        var file = context.Datasets.TryGetValue(dataset, out var resolved) ? resolved.DisplayPath : null;
        var count = records.ToString("N0", CultureInfo.InvariantCulture);
        var noun = records == 1 ? "record" : "records";
        context.Report(
            RuleCatalog.FieldNeverFound,
            $"Field path '{Path}' matched none of the {count} {noun} of dataset '{dataset}'. " +
            $"The first record has {_firstRecordFields}. Fix the field path.",
            file,
            dataset);
    }

    private static string DescribeFields(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return $"no fields (it is a JSON {root.ValueKind.ToString().ToLowerInvariant()})";
        }

        var names = root.EnumerateObject().Select(p => p.Name).ToList();
        if (names.Count == 0)
        {
            return "no fields";
        }

        var listed = string.Join(", ", names.Take(MaxFieldNamesShown).Select(n => $"'{n}'"));
        return names.Count > MaxFieldNamesShown
            ? $"the fields {listed} and {names.Count - MaxFieldNamesShown} more"
            : $"the fields {listed}";
    }
}
