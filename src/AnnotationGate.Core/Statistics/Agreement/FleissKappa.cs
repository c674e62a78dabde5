namespace AnnotationGate.Core.Statistics.Agreement;

/// <summary>
/// Fleiss' kappa for any number of annotators per item, and Randolph's free-marginal variant.
/// </summary>
/// <remarks>
/// Fleiss (1971) assumes every item has the same number of ratings n. With unequal counts this
/// class uses the usual generalisation: each item's agreement P_i = Σ_j n_ij (n_ij − 1) /
/// (n_i (n_i − 1)) uses its own n_i, P̄ is the mean of P_i over items (each item weighs the same),
/// and the category shares p_j pool all ratings. With equal counts it is exactly Fleiss' formula.
/// Items with fewer than two ratings are ignored. The value is undefined when no item or only one
/// item has two ratings, or when all ratings fall in one category (P_e = 1).
/// </remarks>
public static class FleissKappa
{
    /// <summary>Computes Fleiss' kappa from a rating matrix (labels compare by value).</summary>
    public static AgreementValue Compute(RatingMatrix ratings) => Summarize(ratings).Kappa();

    /// <summary>
    /// Computes Fleiss' kappa from a subjects × categories table, where cell [i][j] is the number of
    /// annotators who put subject i in category j.
    /// </summary>
    public static AgreementValue Compute(IReadOnlyList<IReadOnlyList<int>> counts) =>
        Summarize(counts).Kappa();

    /// <summary>
    /// Computes Randolph's free-marginal kappa, (P̄ − 1/k) / (1 − 1/k), where k is the number of
    /// categories of the matrix (with an explicit category order, every listed label counts).
    /// Undefined with fewer than two categories or fewer than two pairable items.
    /// </summary>
    public static AgreementValue ComputeFreeMarginal(RatingMatrix ratings) =>
        Summarize(ratings).FreeMarginal();

    /// <summary>Computes Randolph's free-marginal kappa from a subjects × categories table.</summary>
    public static AgreementValue ComputeFreeMarginal(IReadOnlyList<IReadOnlyList<int>> counts) =>
        Summarize(counts).FreeMarginal();

    private static FleissSums Summarize(RatingMatrix ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var sums = new FleissSums(ratings.Categories.Count);
        var tally = new CategoryTally(ratings.Categories.Count);
        for (var item = 0; item < ratings.Items.Count; item++)
        {
            var n = ratings.CountOf(item);
            if (n >= 2)
            {
                tally.Load(ratings.CategoriesOf(item));
                sums.AddItem(n, tally.AgreeingPairs(), tally.Present.Select(c => (c, tally[c])));
            }
        }

        return sums;
    }

    private static FleissSums Summarize(IReadOnlyList<IReadOnlyList<int>> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var categoryCount = counts.Count == 0 ? 0 : counts.Max(row => row.Count);
        var sums = new FleissSums(categoryCount);
        foreach (var row in counts)
        {
            if (row.Any(count => count < 0))
            {
                throw new ArgumentException("A count in the subjects × categories table is negative.", nameof(counts));
            }

            var n = row.Sum();
            if (n >= 2)
            {
                var agreeing = row.Sum(count => (long)count * (count - 1));
                sums.AddItem(n, agreeing, row.Select((count, c) => (c, count)));
            }
        }

        return sums;
    }

    /// <summary>Running sums over pairable items.</summary>
    private sealed class FleissSums(int categoryCount)
    {
        private readonly double[] _categoryTotals = new double[categoryCount];
        private double _agreementSum;
        private double _ratingTotal;
        private long _units;

        public void AddItem(int n, long agreeingPairs, IEnumerable<(int Category, int Count)> counts)
        {
            _agreementSum += agreeingPairs / ((double)n * (n - 1));
            _ratingTotal += n;
            _units++;
            foreach (var (category, count) in counts)
            {
                _categoryTotals[category] += count;
            }
        }

        public AgreementValue Kappa()
        {
            if (_units == 0)
            {
                return AgreementValue.Undefined(0, 0, AgreementReasons.NoPairableUnit);
            }

            var observed = _agreementSum / _units;
            var expected = _categoryTotals.Sum(total => (total / _ratingTotal) * (total / _ratingTotal));
            var categoriesUsed = _categoryTotals.Count(total => total > 0);
            var reason = _units == 1 ? AgreementReasons.SinglePairableUnit
                : categoriesUsed <= 1 ? AgreementReasons.SingleCategory
                : null;
            var kappa = reason is null ? (observed - expected) / (1 - expected) : (double?)null;
            return new AgreementValue(kappa, observed, _units, reason) { ExpectedAgreement = expected };
        }

        public AgreementValue FreeMarginal()
        {
            var k = _categoryTotals.Length;
            var observed = _units == 0 ? 0 : _agreementSum / _units;
            var reason = _units == 0 ? AgreementReasons.NoPairableUnit
                : _units == 1 ? AgreementReasons.SinglePairableUnit
                : k < 2 ? "Fewer than two categories exist, so free-marginal kappa is 0/0."
                : null;
            if (reason is not null)
            {
                return AgreementValue.Undefined(observed, _units, reason);
            }

            var expected = 1.0 / k;
            var kappa = (observed - expected) / (1 - expected);
            return new AgreementValue(kappa, observed, _units) { ExpectedAgreement = expected };
        }
    }
}
