using AnnotationGate.Core.Labels.Aggregation;
using AnnotationGate.Core.Labels.Provenance;
using AnnotationGate.Core.Statistics.Agreement;

namespace AnnotationGate.Core.Labels.Policy;

/// <summary>
/// Statistics of one dataset's crowd votes: votes per item, Fleiss' kappa, Krippendorff's alpha
/// (nominal) and the annotators Dawid–Skene flags as spammers. Against the expert golden set that
/// shares the most items, it adds the accuracy of majority vote and of Dawid–Skene. Majority vote
/// counts a tied item as 1/k, the expected value of a random tie break.
/// </summary>
public sealed record CrowdSummary
{
    public required string Dataset { get; init; }

    public int Items { get; init; }

    public int Votes { get; init; }

    public int Annotators { get; init; }

    public int MinVotes { get; init; }

    /// <summary>Items with fewer votes than the policy's minimum.</summary>
    public int ItemsBelowMinimum { get; init; }

    public required AgreementValue Fleiss { get; init; }

    public required AgreementValue Alpha { get; init; }

    public int? Spammers { get; init; }

    /// <summary>Golden dataset the accuracies are measured against; null when none shares an item.</summary>
    public string? Golden { get; init; }

    /// <summary>Crowd items that have a golden label.</summary>
    public int GoldenItems { get; init; }

    public double? MajorityVoteAccuracy { get; init; }

    public double? DawidSkeneAccuracy { get; init; }

    public double VotesPerItem => Items == 0 ? 0 : Votes / (double)Items;

    /// <summary>Computes the summary of <paramref name="slice"/>'s votes.</summary>
    public static CrowdSummary Compute(
        string dataset,
        SourceSlice slice,
        IReadOnlyList<DatasetProvenance> goldens,
        int minVotes,
        Random random)
    {
        var matrix = RatingMatrix.FromRatings(slice.Votes);
        var counts = Enumerable.Range(0, matrix.Items.Count).Select(matrix.CountOf).ToList();
        var golden = goldens
            .Where(g => g.Dataset != dataset)
            .Select(g => (Set: g, Shared: matrix.Items.Count(g.ItemLabels.ContainsKey)))
            .Where(g => g.Shared > 0)
            .OrderByDescending(g => g.Shared)
            .ThenBy(g => g.Set.Dataset, StringComparer.Ordinal)
            .FirstOrDefault();
        var fit = matrix.Categories.Count >= 2 ? DawidSkene.Fit(matrix) : null;
        var gold = golden.Set?.ItemLabels;
        return new CrowdSummary
        {
            Dataset = dataset,
            Items = matrix.Items.Count,
            Votes = matrix.RatingCount,
            Annotators = matrix.Annotators.Count,
            MinVotes = counts.Count == 0 ? 0 : counts.Min(),
            ItemsBelowMinimum = counts.Count(c => c < minVotes),
            Fleiss = FleissKappa.Compute(matrix),
            Alpha = KrippendorffAlpha.Compute(matrix),
            Spammers = fit?.Spammers.Count(),
            Golden = golden.Set?.Dataset,
            GoldenItems = golden.Shared,
            MajorityVoteAccuracy = gold is null ? null
                : MajorityVote.ExpectedAccuracy(MajorityVote.Aggregate(matrix, random), gold),
            DawidSkeneAccuracy = gold is null || fit is null ? null : Accuracy(fit, gold),
        };
    }

    private static double? Accuracy(DawidSkeneResult fit, Dictionary<string, string> gold)
    {
        var scored = fit.Items.Where(i => gold.ContainsKey(i.Item)).ToList();
        return scored.Count == 0 ? null : scored.Average(i => i.Label == gold[i.Item] ? 1.0 : 0.0);
    }
}
