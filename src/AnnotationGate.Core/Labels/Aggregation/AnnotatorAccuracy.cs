using AnnotationGate.Core.Statistics.Agreement;

namespace AnnotationGate.Core.Labels.Aggregation;

/// <summary>
/// Accuracy of each annotator against reference labels (gold labels or aggregated labels such as
/// majority vote). Ratings of items without a reference label are skipped.
/// </summary>
/// <param name="PerAnnotator">Share of each annotator's compared ratings that match, ordered by annotator id.</param>
/// <param name="Overall">Share of all compared ratings that match (pooled), or null when none was compared.</param>
/// <param name="Compared">Number of ratings compared.</param>
public sealed record AnnotatorAccuracy(
    IReadOnlyDictionary<string, double> PerAnnotator,
    double? Overall,
    long Compared)
{
    /// <summary>Compares every rating with the reference label of its item (ordinal label match).</summary>
    public static AnnotatorAccuracy Compute(
        IEnumerable<Rating> ratings,
        IReadOnlyDictionary<string, string> reference)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(reference);
        var tallies = new SortedDictionary<string, (long Match, long Total)>(StringComparer.Ordinal);
        long matches = 0;
        long compared = 0;
        foreach (var rating in ratings)
        {
            if (!reference.TryGetValue(rating.Item, out var truth))
            {
                continue;
            }

            var hit = string.Equals(rating.Label, truth, StringComparison.Ordinal) ? 1 : 0;
            var (match, total) = tallies.GetValueOrDefault(rating.Annotator);
            tallies[rating.Annotator] = (match + hit, total + 1);
            matches += hit;
            compared++;
        }

        var perAnnotator = tallies.ToDictionary(
            kv => kv.Key, kv => (double)kv.Value.Match / kv.Value.Total, StringComparer.Ordinal);
        return new AnnotatorAccuracy(perAnnotator, compared == 0 ? null : (double)matches / compared, compared);
    }
}
