using AnnotationGate.Core.Evaluation;
using AnnotationGate.Core.Labels.Aggregation;
using AnnotationGate.Core.Statistics;
using AnnotationGate.Core.Statistics.Agreement;

namespace AnnotationGate.Core.Labels;

/// <summary>
/// Agreement of one label source with the golden labels, over the items both label. Accuracy is
/// that of the majority label after a seeded tie break. Expected accuracy is the mean over all
/// tie breaks: a tied item scores 1/k when the golden label is one of its k tied labels.
/// </summary>
public sealed record SourceScore
{
    public required string Source { get; init; }

    /// <summary><c>crowd votes</c> for long-form votes, else <c>single label</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Golden items the source labels.</summary>
    public long Items { get; init; }

    /// <summary>Items the source labels that are not in the golden set (not scored).</summary>
    public long ItemsOutsideGolden { get; init; }

    /// <summary>Golden items in the golden set.</summary>
    public long GoldenItems { get; init; }

    public long Votes { get; init; }

    public int MinVotes { get; init; }

    public int MaxVotes { get; init; }

    /// <summary>Items whose top vote count is shared by several labels.</summary>
    public long Ties { get; init; }

    /// <summary>Distinct annotators; null when the source names none.</summary>
    public long? Annotators { get; init; }

    public long Correct { get; init; }

    /// <summary>Accuracy expected when every tie is broken uniformly at random.</summary>
    public double ExpectedAccuracy { get; init; }

    public required AgreementValue Kappa { get; init; }

    /// <summary>Rows without an item or a label, left out.</summary>
    public long RowsSkipped { get; init; }

    public double Coverage => GoldenItems == 0 ? 0 : Items / (double)GoldenItems;

    public double VotesPerItem => Items == 0 ? 0 : Votes / (double)Items;

    /// <summary>
    /// Accuracy of the seeded majority labels with its Wilson interval; null when the source
    /// labels no golden item.
    /// </summary>
    public ProportionInterval? Accuracy => Items == 0 ? null : Proportions.Wilson(Correct, Items);

    /// <summary>Scores aggregated votes against the golden labels.</summary>
    internal static SourceScore Create(
        string source,
        bool crowd,
        IReadOnlyList<ItemVote> votes,
        GoldenSet golden,
        VoteTally tally)
    {
        var covered = votes.Where(v => golden.Items.ContainsKey(v.Item)).ToList();
        var expected = covered.Sum(v => Credit(v, golden.Items[v.Item].Label));
        return new SourceScore
        {
            Source = source,
            Kind = crowd ? "crowd votes" : "single label",
            Items = covered.Count,
            ItemsOutsideGolden = votes.Count - covered.Count,
            GoldenItems = golden.Items.Count,
            Votes = covered.Sum(v => (long)v.Votes),
            MinVotes = covered.Count == 0 ? 0 : covered.Min(v => v.Votes),
            MaxVotes = covered.Count == 0 ? 0 : covered.Max(v => v.Votes),
            Ties = covered.Count(v => v.IsTie),
            Annotators = tally.Annotators.Count == 0 ? null : tally.Annotators.Count,
            Correct = covered.Count(v => v.Label == golden.Items[v.Item].Label),
            ExpectedAccuracy = covered.Count == 0 ? 0 : expected / covered.Count,
            Kappa = CohensKappa.Compute(covered.Select(v => (golden.Items[v.Item].Label, v.Label))),
            RowsSkipped = tally.RowsSkipped,
        };
    }

    private static double Credit(ItemVote vote, string gold) =>
        vote.TiedLabels.Contains(gold, StringComparer.Ordinal) ? 1.0 / vote.TiedLabels.Count : 0;
}
