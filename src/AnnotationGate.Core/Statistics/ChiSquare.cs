namespace AnnotationGate.Core.Statistics;

/// <summary>Pearson's chi-square tests on category counts.</summary>
public static class ChiSquare
{
    /// <summary>Expected count below which the chi-square approximation is commonly distrusted.</summary>
    public const double MinimumExpectedCount = 5;

    /// <summary>
    /// Tests whether two samples come from the same categorical distribution (a 2×k contingency
    /// table, one row per sample). Categories are the union of both key sets; a category with a
    /// zero count in both samples is ignored. Drivers list each category's contribution to the
    /// statistic, largest first (ties by ordinal category name).
    /// </summary>
    /// <returns>
    /// The statistic, k − 1 degrees of freedom and the upper-tail p-value. The result is undefined
    /// (<see cref="ChiSquareResult.IsDefined"/> false, statistic and p-value NaN) when either
    /// sample is empty or fewer than 2 categories have counts.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static ChiSquareResult Homogeneity(
        IReadOnlyDictionary<string, long> observedA,
        IReadOnlyDictionary<string, long> observedB)
    {
        ArgumentNullException.ThrowIfNull(observedA);
        ArgumentNullException.ThrowIfNull(observedB);
        var categories = UsedCategories(observedA, observedB);
        var totalA = categories.Sum(c => Count(observedA, c));
        var totalB = categories.Sum(c => Count(observedB, c));
        if (totalA == 0 || totalB == 0)
        {
            var which = totalA == 0 ? "first" : "second";
            return ChiSquareResult.Undefined($"The {which} sample has no counts.");
        }

        if (categories.Count < 2)
        {
            return ChiSquareResult.Undefined(
                "Fewer than 2 categories have counts, so there is no distribution to compare.");
        }

        return Compute(observedA, observedB, categories, totalA, totalB);
    }

    /// <summary>
    /// Computes the upper-tail probability P(X ≥ <paramref name="statistic"/>) of a chi-square
    /// distribution with <paramref name="degreesOfFreedom"/> degrees of freedom, as the
    /// regularized upper incomplete gamma function Q(df / 2, statistic / 2).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="degreesOfFreedom"/> is not positive or <paramref name="statistic"/> is
    /// negative or NaN.
    /// </exception>
    public static double UpperTailProbability(double statistic, int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degreesOfFreedom);
        return SpecialFunctions.RegularizedGammaQ(degreesOfFreedom / 2.0, statistic / 2);
    }

    private static ChiSquareResult Compute(
        IReadOnlyDictionary<string, long> observedA,
        IReadOnlyDictionary<string, long> observedB,
        List<string> categories,
        long totalA,
        long totalB)
    {
        double grandTotal = totalA + totalB;
        var drivers = new List<ChiSquareDriver>(categories.Count);
        var statistic = 0.0;
        var lowExpected = false;
        foreach (var category in categories)
        {
            var a = Count(observedA, category);
            var b = Count(observedB, category);
            var expectedA = totalA * (a + b) / grandTotal;
            var expectedB = totalB * (a + b) / grandTotal;
            var contribution = Cell(a, expectedA) + Cell(b, expectedB);
            lowExpected |= expectedA < MinimumExpectedCount || expectedB < MinimumExpectedCount;
            statistic += contribution;
            drivers.Add(new ChiSquareDriver(
                category, contribution, a / (double)totalA, b / (double)totalB));
        }

        drivers.Sort(static (x, y) =>
        {
            var byContribution = y.Contribution.CompareTo(x.Contribution);
            return byContribution != 0
                ? byContribution
                : string.CompareOrdinal(x.Category, y.Category);
        });
        var df = categories.Count - 1;
        var pValue = UpperTailProbability(statistic, df);
        return new ChiSquareResult(statistic, df, pValue, drivers, true, null, lowExpected);
    }

    private static double Cell(long observed, double expected)
    {
        var difference = observed - expected;
        return difference * difference / expected;
    }

    private static List<string> UsedCategories(
        IReadOnlyDictionary<string, long> observedA,
        IReadOnlyDictionary<string, long> observedB)
    {
        var categories = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (category, count) in observedA.Concat(observedB))
        {
            if (count < 0)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(observedA),
                    count,
                    $"The count of category '{category}' is negative. Counts must be zero or more.");
            }

            if (count > 0)
            {
                categories.Add(category);
            }
        }

        return [.. categories];
    }

    private static long Count(IReadOnlyDictionary<string, long> observed, string category) =>
        observed.TryGetValue(category, out var count) ? count : 0;
}

/// <summary>
/// The outcome of a chi-square test: statistic, degrees of freedom, p-value and the categories
/// that drive the statistic. When <see cref="IsDefined"/> is false, <see cref="Statistic"/> and
/// <see cref="PValue"/> are NaN, <see cref="DegreesOfFreedom"/> is 0, <see cref="Drivers"/> is
/// empty and <see cref="UndefinedReason"/> gives the reason.
/// </summary>
/// <param name="Statistic">Pearson's X² statistic.</param>
/// <param name="DegreesOfFreedom">Number of categories with counts, minus one.</param>
/// <param name="PValue">Upper-tail probability of the statistic under homogeneity.</param>
/// <param name="Drivers">Per-category contributions to the statistic, largest first.</param>
/// <param name="IsDefined">Whether the test could be computed.</param>
/// <param name="UndefinedReason">Why the test could not be computed, or null.</param>
/// <param name="LowExpectedCounts">
/// Whether any expected cell count is below 5, where the chi-square approximation of the
/// p-value becomes unreliable (consider merging rare categories).
/// </param>
public sealed record ChiSquareResult(
    double Statistic,
    int DegreesOfFreedom,
    double PValue,
    IReadOnlyList<ChiSquareDriver> Drivers,
    bool IsDefined,
    string? UndefinedReason,
    bool LowExpectedCounts)
{
    internal static ChiSquareResult Undefined(string reason) =>
        new(double.NaN, 0, double.NaN, [], false, reason, false);
}

/// <summary>
/// One category's share of a chi-square statistic: its contribution (the sum of
/// (observed − expected)² / expected over both samples) and its share of each sample, so
/// <c>ShareA &gt; ShareB</c> means the category is over-represented in the first sample.
/// </summary>
/// <param name="Category">The category name.</param>
/// <param name="Contribution">The category's part of the statistic.</param>
/// <param name="ShareA">The category's count divided by the first sample's total.</param>
/// <param name="ShareB">The category's count divided by the second sample's total.</param>
public sealed record ChiSquareDriver(
    string Category, double Contribution, double ShareA, double ShareB)
{
    /// <summary>Deconstructs into the category and its contribution, like a (Category, Contribution) pair.</summary>
    public void Deconstruct(out string category, out double contribution)
    {
        category = Category;
        contribution = Contribution;
    }
}
