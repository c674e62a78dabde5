using AnnotationGate.Core.Data;

namespace AnnotationGate.Core.Labels;

/// <summary>
/// How a source dataset's records become votes: the item comes from <c>labels.item</c> for
/// long-form crowd votes (one row per vote), else from the dataset's id; the label from
/// <c>labels.field</c>; the annotator, when known, from <c>labels.annotator</c>.
/// </summary>
internal sealed record LabelSourceReader(string Dataset, FieldPath Label, FieldPath? Item, FieldPath? Annotator)
{
    /// <summary>True for long-form votes (several rows per item).</summary>
    public bool IsCrowd => Item is not null;

    /// <summary>
    /// Streams (item, label) votes, counting skipped rows and the annotators seen in
    /// <paramref name="tally"/>.
    /// </summary>
    public IEnumerable<(string Item, string Label)> Votes(IEnumerable<DataRecord> records, VoteTally tally)
    {
        foreach (var record in records)
        {
            var item = Item is null ? record.Id : Item.ResolveText(record.Root)?.Trim();
            var label = LabelValue.Normalize(Label.ResolveText(record.Root));
            if (string.IsNullOrEmpty(item) || label is null)
            {
                tally.RowsSkipped++;
                continue;
            }

            if (Annotator?.ResolveText(record.Root)?.Trim() is { Length: > 0 } annotator)
            {
                tally.Annotators.Add(annotator);
            }

            yield return (item, label);
        }
    }
}

/// <summary>Counts gathered while a source's votes are streamed.</summary>
internal sealed class VoteTally
{
    /// <summary>Rows without an item or a label, left out of the votes.</summary>
    public long RowsSkipped { get; set; }

    public HashSet<string> Annotators { get; } = new(StringComparer.Ordinal);
}
