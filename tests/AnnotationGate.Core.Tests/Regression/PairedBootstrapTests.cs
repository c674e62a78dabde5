using AnnotationGate.Core.Statistics.Regression;

namespace AnnotationGate.Core.Tests.Regression;

public sealed class PairedBootstrapTests
{
    private const int Items = 200;

    [Fact]
    public void Bootstrap_same_seed_same_result()
    {
        var (baseline, current) = SyntheticOutcomes();

        var first = Run(baseline, current, new Random(7));
        var second = Run(baseline, current, new Random(7));

        second.ShouldBe(first);
    }

    [Fact]
    public void Bootstrap_matches_reference_loop()
    {
        var (baseline, current) = SyntheticOutcomes();

        var result = Run(baseline, current, new Random(11));
        var (lower, upper, p) = ReferenceBootstrap(baseline, current, 2000, 0.95, new Random(11));

        result.Lower.ShouldBe(lower, 1e-12);
        result.Upper.ShouldBe(upper, 1e-12);
        result.PValue.ShouldBe(p, 1e-12);
    }

    [Fact]
    public void Grouped_bootstrap_equals_per_item()
    {
        // Groups: 0 right both times, 1 right to wrong, 2 wrong both times, 3 wrong to right.
        var (baseline, current) = SyntheticOutcomes();
        int[] groups = [.. Enumerable.Range(0, Items)
            .Select(i => (baseline[i] ? 0 : 2) + (current[i] == baseline[i] ? 0 : 1))];
        bool[] baselineRight = [true, true, false, false];
        bool[] currentRight = [true, false, false, true];

        var perItem = Run(baseline, current, new Random(19));
        var grouped = PairedBootstrap.Run(
            groups, 4, w => Accuracy(baselineRight, w), w => Accuracy(currentRight, w), 2000, 0.95, new Random(19));

        grouped.ShouldBe(perItem);
    }

    [Fact]
    public void Bootstrap_interval_contains_true_difference()
    {
        // Accuracy 0.80 before and 0.70 after on the same 200 items: the true change is -0.10.
        var (baseline, current) = SyntheticOutcomes();

        var result = Run(baseline, current, new Random(3));

        result.Estimate.ShouldBe(-0.10, 1e-12);
        result.Lower.ShouldBeLessThan(-0.10);
        result.Upper.ShouldBeGreaterThan(-0.10);
        result.Upper.ShouldBeLessThan(0);
        result.PValue.ShouldBeLessThan(0.05);
    }

    [Fact]
    public void Bootstrap_no_change_gives_p_one()
    {
        var (baseline, _) = SyntheticOutcomes();

        var result = Run(baseline, baseline, new Random(5));

        result.PValue.ShouldBe(1.0);
        result.Lower.ShouldBe(0.0);
        result.Upper.ShouldBe(0.0);
    }

    [Fact]
    public void Bootstrap_skips_undefined_resamples()
    {
        // The current metric is undefined unless item 0 is drawn: (19/20)^20 = 36% of resamples.
        var result = PairedBootstrap.Run(
            20, weights => 0.5, weights => weights[0] > 0 ? 1.0 : double.NaN, 500, 0.95, new Random(1));

        result.UndefinedResamples.ShouldBeInRange(130, 230);
        result.Lower.ShouldBe(0.5);
        result.Upper.ShouldBe(0.5);
    }

    private static BootstrapResult Run(bool[] baseline, bool[] current, Random random) => PairedBootstrap.Run(
        Items, weights => Accuracy(baseline, weights), weights => Accuracy(current, weights), 2000, 0.95, random);

    private static double Accuracy(bool[] correct, int[] weights)
    {
        int right = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            right += correct[i] ? weights[i] : 0;
        }

        return right / (double)weights.Sum();
    }

    // 160 right before; 30 of them wrong after, 10 wrong ones right after: 0.80 → 0.70.
    private static (bool[] Baseline, bool[] Current) SyntheticOutcomes()
    {
        bool[] baseline = [.. Enumerable.Range(0, Items).Select(i => i < 160)];
        bool[] current = [.. Enumerable.Range(0, Items).Select(i => i < 160 ? i >= 30 : i >= 190)];
        return (baseline, current);
    }

    // Written separately from the product code: draws the same index stream, then sorts the
    // differences and interpolates the quantiles by hand.
    private static (double Lower, double Upper, double P) ReferenceBootstrap(
        bool[] baseline, bool[] current, int resamples, double level, Random random)
    {
        var differences = new double[resamples];
        for (int r = 0; r < resamples; r++)
        {
            int before = 0, after = 0;
            var picks = new int[Items];
            for (int i = 0; i < Items; i++)
            {
                picks[i] = random.Next(Items);
            }

            foreach (int pick in picks)
            {
                before += baseline[pick] ? 1 : 0;
                after += current[pick] ? 1 : 0;
            }

            differences[r] = (after / (double)Items) - (before / (double)Items);
        }

        Array.Sort(differences);
        double Percentile(double q)
        {
            double h = (resamples - 1) * q;
            int lo = (int)h;
            return differences[lo] + ((h - lo) * (differences[Math.Min(lo + 1, resamples - 1)] - differences[lo]));
        }

        int below = differences.Count(d => d <= 0);
        int above = differences.Count(d => d >= 0);
        double p = Math.Min(1.0, 2.0 * Math.Min(below + 1.0, above + 1.0) / (resamples + 1.0));
        return (Percentile((1 - level) / 2), Percentile(1 - ((1 - level) / 2)), p);
    }
}
