namespace AnnotationGate.Core.Statistics.Agreement;

/// <summary>
/// Pairwise percent agreement: for each item with two or more ratings, the share of pairs of its
/// ratings that carry the same label, averaged over those items (Fleiss' P̄). Items with one
/// rating are ignored. It is not corrected for chance.
/// </summary>
public static class PercentAgreement
{
    /// <summary>
    /// Computes pairwise percent agreement. The value is defined whenever one item has two or more
    /// ratings, including a single item. It is undefined only when no pair exists.
    /// </summary>
    public static AgreementValue Compute(RatingMatrix ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var tally = new CategoryTally(ratings.Categories.Count);
        var sum = 0.0;
        var units = 0L;
        for (var item = 0; item < ratings.Items.Count; item++)
        {
            var n = ratings.CountOf(item);
            if (n < 2)
            {
                continue;
            }

            tally.Load(ratings.CategoriesOf(item));
            sum += tally.AgreeingPairs() / ((double)n * (n - 1));
            units++;
        }

        return units == 0
            ? AgreementValue.Undefined(0, 0, AgreementReasons.NoPairableUnit)
            : new AgreementValue(sum / units, sum / units, units);
    }
}
