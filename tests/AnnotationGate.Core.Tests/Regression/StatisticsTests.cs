using System.Numerics;
using AnnotationGate.Core.Statistics.Regression;

namespace AnnotationGate.Core.Tests.Regression;

// Reference values come from reference_values.py beside this file (exact rational arithmetic,
// statistics.NormalDist and math.erfc), or from BigInteger sums written here, never from the code
// under test.
public sealed class StatisticsTests
{
    [Theory]
    [InlineData(5, 20, 0.5, 0.020694732666015625)]
    [InlineData(0, 10, 0.5, 0.0009765625)]
    [InlineData(4, 30, 0.3, 0.030154943102089337)]
    [InlineData(450, 1000, 0.5, 0.00086526804248815881)]
    [InlineData(4800, 10000, 0.5, 3.2967577993362208e-05)]
    public void Binomial_cdf_matches_exact_value(int k, int n, double p, double expected)
    {
        double actual = BinomialDistribution.Cdf(k, n, p);

        RelativeError(actual, expected).ShouldBeLessThan(1e-12);
    }

    [Fact]
    public void Binomial_tails_match_bigintegers_up_to_10000()
    {
        foreach (int n in new[] { 37, 500, 2001, 10000 })
        {
            var exact = ExactHalfCdf(n);
            for (int k = 0; k <= n; k += Math.Max(1, n / 97))
            {
                double expected = exact(k);
                if (expected < 1e-300)
                {
                    continue;
                }

                double lower = BinomialDistribution.Cdf(k, n, 0.5);
                double upper = BinomialDistribution.UpperTail(n - k, n, 0.5);

                RelativeError(lower, expected).ShouldBeLessThan(1e-12, $"n={n} k={k}");
                RelativeError(upper, expected).ShouldBeLessThan(1e-12, $"n={n} k={k}");
            }
        }
    }

    [Fact]
    public void Binomial_two_sided_n10_k0()
    {
        double p = BinomialDistribution.TwoSidedPValue(0, 10, 0.5);

        p.ShouldBe(0.001953125, 1e-15);
    }

    [Fact]
    public void Binomial_two_sided_asymmetric_matches_definition()
    {
        // Binomial(30, 0.3), k = 4: the outcomes no more likely than 4 are 0..4 and 15..30.
        double p = BinomialDistribution.TwoSidedPValue(4, 30, 0.3);

        RelativeError(p, 0.0470922545946389).ShouldBeLessThan(1e-12);
        BinomialDistribution.Probability(14, 30, 0.3).ShouldBeGreaterThan(BinomialDistribution.Probability(4, 30, 0.3));
        BinomialDistribution.Probability(15, 30, 0.3).ShouldBeLessThan(BinomialDistribution.Probability(4, 30, 0.3));
    }

    [Theory]
    [InlineData(1, 0, 1.0, 0.5)]
    [InlineData(10, 0, 0.001953125, 0.0009765625)]
    [InlineData(7, 2, 0.1796875, 0.109375)]
    [InlineData(15, 5, 0.04138946533203125, 0.02660369873046875)]
    [InlineData(3, 3, 1.0, 1.0)]
    [InlineData(0, 0, 1.0, 1.0)]
    public void McNemar_matches_exact_and_mid_p(int rightToWrong, int wrongToRight, double exact, double mid)
    {
        var result = McNemarTest.Test(rightToWrong, wrongToRight);

        RelativeError(result.ExactPValue, exact).ShouldBeLessThan(1e-13);
        RelativeError(result.MidPValue, mid).ShouldBeLessThan(1e-13);
    }

    [Fact]
    public void Holm_adjusts_known_vector()
    {
        // Sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 gives 0.02, 0.03, 0.06, 0.04; the running
        // maximum raises the last to 0.06.
        double[] adjusted = HolmAdjustment.Adjust([0.01, 0.04, 0.03, 0.005]);

        adjusted[0].ShouldBe(0.03, 1e-15);
        adjusted[1].ShouldBe(0.06, 1e-15);
        adjusted[2].ShouldBe(0.06, 1e-15);
        adjusted[3].ShouldBe(0.02, 1e-15);
    }

    [Fact]
    public void Holm_skips_nan_and_caps_at_one()
    {
        double[] adjusted = HolmAdjustment.Adjust([0.5, double.NaN, 0.7]);

        adjusted[0].ShouldBe(1.0);
        double.IsNaN(adjusted[1]).ShouldBeTrue();
        adjusted[2].ShouldBe(1.0);
    }

    [Theory]
    [InlineData(0.975, 1.9599639845400536)]
    [InlineData(0.8, 0.84162123357291441)]
    [InlineData(0.5, 0.0)]
    [InlineData(1e-10, -6.361340902404056)]
    public void Normal_quantile_matches_reference(double probability, double expected)
    {
        double z = NormalDistribution.Quantile(probability);

        z.ShouldBe(expected, 1e-13);
    }

    [Theory]
    [InlineData(0.5, 0.3085375387259869)]
    [InlineData(1.4, 0.08075665923377108)]
    [InlineData(1.6, 0.054799291699558002)]
    [InlineData(2, 0.02275013194817922)]
    [InlineData(2.9, 0.0018658133003840384)]
    [InlineData(3, 0.0013498980316300957)]
    [InlineData(5, 2.866515718791946e-07)]
    [InlineData(8, 6.220960574271819e-16)]
    [InlineData(20, 2.7536241186063314e-89)]
    [InlineData(30, 4.906713927148764e-198)]
    public void Normal_upper_tail_keeps_relative_accuracy(double x, double expected)
    {
        double tail = NormalDistribution.UpperTail(x);

        RelativeError(tail, expected).ShouldBeLessThan(1e-13);
    }

    [Theory]
    [InlineData(14, 0, 5, 22, 0.121951219512195, 0.0114832413830333, 0.226492684351211)]
    [InlineData(35, 10, 0, 5, -0.2, -0.323765909676084, -0.081789175161662)]
    [InlineData(40, 3, 6, 1, 0.06, -0.0692897310835778, 0.191140311499717)]
    public void Newcombe_interval_matches_reference(
        int bothRight, int rightToWrong, int wrongToRight, int bothWrong, double estimate, double lower, double upper)
    {
        var interval = PairedProportionInterval.Newcombe(bothRight, rightToWrong, wrongToRight, bothWrong);

        interval.Estimate.ShouldBe(estimate, 1e-12);
        interval.Lower.ShouldBe(lower, 1e-12);
        interval.Upper.ShouldBe(upper, 1e-12);
    }

    [Theory]
    [InlineData(50, 0.149717150011984)]
    [InlineData(120, 0.0641325865575767)]
    [InlineData(1000, 0.00783039127642961)]
    public void Minimum_detectable_drop_matches_hand_computation(int items, double expected)
    {
        double? drop = PairedAccuracyPower.MinimumDetectableDrop(items, 0.9, 0.05);

        drop.ShouldNotBeNull();
        drop.Value.ShouldBe(expected, 1e-12);
    }

    [Fact]
    public void Minimum_detectable_drop_shrinks_with_items()
    {
        int[] sizes = [10, 20, 50, 100, 200, 500, 1000, 5000, 20000];

        var drops = sizes.Select(n => PairedAccuracyPower.MinimumDetectableDrop(n, 1.0, 0.05)!.Value).ToList();

        for (int i = 1; i < drops.Count; i++)
        {
            drops[i].ShouldBeLessThan(drops[i - 1]);
        }
    }

    [Fact]
    public void Minimum_detectable_drop_null_beyond_baseline()
    {
        double? drop = PairedAccuracyPower.MinimumDetectableDrop(10, 0.3, 0.05);

        drop.ShouldBeNull();
    }

    [Fact]
    public void Required_items_inverts_detectable_drop()
    {
        int needed = PairedAccuracyPower.RequiredItems(0.02, 0.05);

        // (1.95996 + 0.84162 * sqrt(0.98))^2 / 0.02 = 390.1, rounded up.
        needed.ShouldBe(391);
        PairedAccuracyPower.MinimumDetectableDrop(needed, 0.9, 0.05)!.Value.ShouldBeLessThanOrEqualTo(0.02);
        PairedAccuracyPower.MinimumDetectableDrop(needed - 1, 0.9, 0.05)!.Value.ShouldBeGreaterThan(0.02);
    }

    private static double RelativeError(double actual, double expected) =>
        Math.Abs(actual - expected) / Math.Abs(expected);

    // P(X ≤ k) for Binomial(n, 1/2) from exact binomial coefficients.
    private static Func<int, double> ExactHalfCdf(int n)
    {
        var cumulative = new BigInteger[n + 1];
        BigInteger coefficient = BigInteger.One;
        BigInteger sum = BigInteger.Zero;
        for (int i = 0; i <= n; i++)
        {
            sum += coefficient;
            cumulative[i] = sum;
            coefficient = coefficient * (n - i) / (i + 1);
        }

        return k => Ratio(cumulative[k], BigInteger.Pow(2, n));
    }

    private static double Ratio(BigInteger numerator, BigInteger denominator)
    {
        long shift = (long)(denominator.GetBitLength() - numerator.GetBitLength()) + 64;
        BigInteger scaled = shift >= 0
            ? (numerator << (int)shift) / denominator
            : numerator / (denominator << (int)-shift);
        return Math.ScaleB((double)scaled, (int)-shift);
    }
}
