using AnnotationGate.Core.Statistics;

namespace AnnotationGate.Core.Tests.Statistics;

public sealed class ChiSquareTests
{
    // Reference values computed with mpmath 1.3.0 at 30 significant digits.
    [Theory]
    [InlineData(3.841458820694124, 1, 0.050000000000000058)]
    [InlineData(5.991464547107979, 2, 0.050000000000000075)]
    [InlineData(18.307038053275146, 10, 0.050000000000000013)]
    [InlineData(124.34211340400407, 100, 0.050000000000000074)]
    [InlineData(0.5, 1, 0.47950012218695346)]
    [InlineData(0.001, 5, 0.99999999831851228)]
    [InlineData(1000, 900, 0.010994608942135848)]
    public void UpperTail_known_quantiles_match_reference(double statistic, int df, double expected)
    {
        var p = ChiSquare.UpperTailProbability(statistic, df);

        p.ShouldBe(expected, 1e-12);
    }

    [Theory]
    [InlineData(30, 3, 1.3800570312932547e-6)]
    [InlineData(100, 1, 1.5239706048321052e-23)]
    public void UpperTail_small_tails_keep_relative_accuracy(double statistic, int df, double expected)
    {
        var p = ChiSquare.UpperTailProbability(statistic, df);

        (Math.Abs(p - expected) / expected).ShouldBeLessThan(1e-10);
    }

    [Fact]
    public void UpperTail_zero_statistic_is_one()
    {
        ChiSquare.UpperTailProbability(0, 4).ShouldBe(1.0);
    }

    [Theory]
    [InlineData(0.5, 0.57236494292470009)]
    [InlineData(3, 0.69314718055994531)]
    [InlineData(10, 12.801827480081470)]
    [InlineData(100.5, 361.43554046777762)]
    [InlineData(0.1, 2.2527126517342060)]
    public void LogGamma_matches_reference(double x, double expected)
    {
        SpecialFunctions.LogGamma(x).ShouldBe(expected, 1e-12 * Math.Max(1, expected));
    }

    [Theory]
    [InlineData(0.5, 0.3)]
    [InlineData(2.5, 2.0)]
    [InlineData(7, 12)]
    [InlineData(50, 49)]
    public void GammaP_and_Q_sum_to_one(double a, double x)
    {
        var sum = SpecialFunctions.RegularizedGammaP(a, x) + SpecialFunctions.RegularizedGammaQ(a, x);

        sum.ShouldBe(1.0, 1e-14);
    }

    [Fact]
    public void GammaQ_negative_argument_throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => SpecialFunctions.RegularizedGammaQ(1, -1));
    }

    [Fact]
    public void Homogeneity_two_by_three_matches_hand_computation()
    {
        // Totals 60 and 60; column totals 30, 40, 50; expected counts 15, 20, 25 in each row.
        // x: 2 * 25/15 = 10/3, y: 0, z: 2 * 25/25 = 2, so X² = 16/3 with 2 degrees of freedom
        // and p = exp(-8/3).
        var a = Counts(("x", 10), ("y", 20), ("z", 30));
        var b = Counts(("x", 20), ("y", 20), ("z", 20));

        var result = ChiSquare.Homogeneity(a, b);

        result.IsDefined.ShouldBeTrue();
        result.Statistic.ShouldBe(16.0 / 3, 1e-12);
        result.DegreesOfFreedom.ShouldBe(2);
        result.PValue.ShouldBe(Math.Exp(-8.0 / 3), 1e-14);
        result.PValue.ShouldBe(0.069483451222801545, 1e-12);
        result.LowExpectedCounts.ShouldBeFalse();
    }

    [Fact]
    public void Homogeneity_drivers_are_largest_first()
    {
        var a = Counts(("x", 10), ("y", 20), ("z", 30));
        var b = Counts(("x", 20), ("y", 20), ("z", 20));

        var drivers = ChiSquare.Homogeneity(a, b).Drivers;

        drivers.Select(d => d.Category).ShouldBe(["x", "z", "y"]);
        drivers[0].Contribution.ShouldBe(10.0 / 3, 1e-12);
        drivers[1].Contribution.ShouldBe(2.0, 1e-12);
        drivers[2].Contribution.ShouldBe(0.0, 1e-12);
        drivers[0].ShareA.ShouldBe(10.0 / 60, 1e-15);
        drivers[0].ShareB.ShouldBe(20.0 / 60, 1e-15);
    }

    [Fact]
    public void Homogeneity_category_in_one_sample_counts()
    {
        // Expected counts: a 10, b 5, c 5 per row; b and c each add 5 + 5 = 10.
        var a = Counts(("a", 10), ("b", 10));
        var b = Counts(("a", 10), ("c", 10));

        var result = ChiSquare.Homogeneity(a, b);

        result.Statistic.ShouldBe(20.0, 1e-12);
        result.DegreesOfFreedom.ShouldBe(2);
        result.PValue.ShouldBe(Math.Exp(-10), 1e-15);
        result.Drivers.Select(d => d.Category).ShouldBe(["b", "c", "a"]);
        result.LowExpectedCounts.ShouldBeFalse();
    }

    [Fact]
    public void Homogeneity_driver_deconstructs_like_tuple()
    {
        var result = ChiSquare.Homogeneity(Counts(("a", 10), ("b", 10)), Counts(("a", 10), ("c", 10)));

        var (category, contribution) = result.Drivers[0];

        category.ShouldBe("b");
        contribution.ShouldBe(10.0, 1e-12);
    }

    [Fact]
    public void Homogeneity_identical_samples_give_p_one()
    {
        var a = Counts(("yes", 40), ("no", 60));
        var b = Counts(("yes", 4), ("no", 6));

        var result = ChiSquare.Homogeneity(a, b);

        result.Statistic.ShouldBe(0.0, 1e-12);
        result.PValue.ShouldBe(1.0, 1e-12);
        result.DegreesOfFreedom.ShouldBe(1);
    }

    [Fact]
    public void Homogeneity_small_expected_counts_are_flagged()
    {
        var result = ChiSquare.Homogeneity(Counts(("a", 3), ("b", 1)), Counts(("a", 2), ("b", 4)));

        result.IsDefined.ShouldBeTrue();
        result.LowExpectedCounts.ShouldBeTrue();
    }

    [Fact]
    public void Homogeneity_empty_sample_is_undefined()
    {
        var result = ChiSquare.Homogeneity(Counts(), Counts(("a", 2), ("b", 4)));

        result.IsDefined.ShouldBeFalse();
        result.UndefinedReason.ShouldBe("The first sample has no counts.");
        result.PValue.ShouldBe(double.NaN);
        result.Statistic.ShouldBe(double.NaN);
        result.Drivers.ShouldBeEmpty();
    }

    [Fact]
    public void Homogeneity_all_zero_second_sample_is_undefined()
    {
        var result = ChiSquare.Homogeneity(Counts(("a", 2), ("b", 4)), Counts(("a", 0)));

        result.IsDefined.ShouldBeFalse();
        result.UndefinedReason.ShouldBe("The second sample has no counts.");
    }

    [Fact]
    public void Homogeneity_single_category_is_undefined()
    {
        var result = ChiSquare.Homogeneity(Counts(("a", 5), ("b", 0)), Counts(("a", 7), ("b", 0)));

        result.IsDefined.ShouldBeFalse();
        result.DegreesOfFreedom.ShouldBe(0);
        result.UndefinedReason!.ShouldStartWith("Fewer than 2 categories have counts");
    }

    [Fact]
    public void Homogeneity_negative_count_throws()
    {
        var error = Should.Throw<ArgumentOutOfRangeException>(
            () => ChiSquare.Homogeneity(Counts(("a", -1), ("b", 3)), Counts(("a", 1), ("b", 3))));

        error.Message.ShouldContain("The count of category 'a' is negative.");
    }

    private static Dictionary<string, long> Counts(params (string Category, long Count)[] counts) =>
        counts.ToDictionary(c => c.Category, c => c.Count);
}
