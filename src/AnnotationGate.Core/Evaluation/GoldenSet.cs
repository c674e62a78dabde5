using AnnotationGate.Core.Checks;
using AnnotationGate.Core.Data;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Labels;

namespace AnnotationGate.Core.Evaluation;

/// <summary>One labelled item of a golden set.</summary>
/// <param name="Id">Item id.</param>
/// <param name="Label">Expert label, canonical as <see cref="LabelValue"/> defines.</param>
/// <param name="Slices">Slice values of the item, by slice field path; null when no slices are set.</param>
/// <param name="File">File of the record the label came from.</param>
/// <param name="Line">Line of that record.</param>
public sealed record GoldenItem(
    string Id,
    string Label,
    IReadOnlyDictionary<string, string>? Slices,
    string File,
    int Line);

/// <summary>
/// The expert labels of a golden set, one per item id. Long-form golden files (one row per vote,
/// with duplicate ids allowed) are accepted: the first label seen for an id is used, and a
/// different label later for the same id is reported as AG2006. An id that never gets a label is
/// reported as AG2004 and left out.
/// </summary>
public sealed class GoldenSet
{
    /// <summary>Slice value given to an item whose slice field is missing or blank.</summary>
    public const string NoSliceValue = "(none)";

    private GoldenSet(string dataset, Dictionary<string, GoldenItem> items)
    {
        Dataset = dataset;
        Items = items;
    }

    /// <summary>Name of the golden dataset.</summary>
    public string Dataset { get; }

    /// <summary>Labelled items by id (ordinal).</summary>
    public IReadOnlyDictionary<string, GoldenItem> Items { get; }

    /// <summary>
    /// Reads golden records fully. Records without an id are skipped (the reader reports them);
    /// findings about labels go to <paramref name="context"/>.
    /// </summary>
    public static GoldenSet Read(
        string dataset,
        IEnumerable<DataRecord> records,
        FieldPath labelPath,
        IReadOnlyList<FieldPath> slicePaths,
        CheckContext context)
    {
        var items = new Dictionary<string, GoldenItem>(StringComparer.Ordinal);
        var unlabelled = new Dictionary<string, DataRecordLocation>(StringComparer.Ordinal);
        var conflicted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (string.IsNullOrEmpty(record.Id))
            {
                continue;
            }

            var label = LabelValue.Normalize(labelPath.ResolveText(record.Root));
            if (label is null)
            {
                unlabelled.TryAdd(record.Id, new DataRecordLocation(record.File, record.Line));
                continue;
            }

            if (!items.TryGetValue(record.Id, out var first))
            {
                var slices = Slices(record, slicePaths);
                items[record.Id] = new GoldenItem(record.Id, label, slices, record.File, record.Line);
            }
            else if (first.Label != label && conflicted.Add(record.Id))
            {
                context.Report(RuleCatalog.GoldenLabelConflict,
                    $"Golden item '{record.Id}' has label '{label}' here but '{first.Label}' on line {first.Line}; " +
                    "the first label is used. Settle on one expert label per item in the golden set.",
                    record, dataset, labelPath.ToJsonPointer());
            }
        }

        ReportUnlabelled(dataset, labelPath, items, unlabelled, context);
        return new GoldenSet(dataset, items);
    }

    private static Dictionary<string, string>? Slices(DataRecord record, IReadOnlyList<FieldPath> slicePaths)
    {
        if (slicePaths.Count == 0)
        {
            return null;
        }

        var slices = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in slicePaths)
        {
            var value = path.ResolveText(record.Root)?.Trim();
            slices[path.Text] = string.IsNullOrEmpty(value) ? NoSliceValue : value;
        }

        return slices;
    }

    private static void ReportUnlabelled(
        string dataset,
        FieldPath labelPath,
        Dictionary<string, GoldenItem> items,
        Dictionary<string, DataRecordLocation> unlabelled,
        CheckContext context)
    {
        var rule = RuleCatalog.Get(RuleCatalog.GoldenItemWithoutLabel);
        foreach (var (id, location) in unlabelled.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (items.ContainsKey(id))
            {
                continue;
            }

            context.Report(new Finding(RuleCatalog.GoldenItemWithoutLabel, rule.DefaultSeverity,
                $"Golden item '{id}' has no value at label field '{labelPath}', so it is left out of the evaluation. " +
                "Add the expert label, or remove the item from the golden set.")
            {
                File = location.File,
                Line = location.Line,
                RecordId = id,
                Dataset = dataset,
                JsonPointer = labelPath.ToJsonPointer(),
            });
        }
    }

    private readonly record struct DataRecordLocation(string File, int Line);
}
