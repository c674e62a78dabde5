using AnnotationGate.Core.Checks.Length;

namespace AnnotationGate.Core.Tests.Checks.Length;

public sealed class LengthStatisticsTests
{
    [Fact]
    public void Small_lengths_give_exact_percentiles()
    {
        var statistics = new LengthStatistics();
        foreach (var length in Enumerable.Range(0, 1000))
        {
            statistics.Add(length);
        }

        statistics.Count.ShouldBe(1000);
        statistics.Min.ShouldBe(0);
        statistics.Max.ShouldBe(999);
        statistics.Mean.ShouldBe(499.5);
        statistics.Percentile(0.95).ShouldBe(949);
        statistics.Percentile(0.5).ShouldBe(499);
        statistics.Percentile(1.0).ShouldBe(999);
    }

    [Fact]
    public void Large_lengths_stay_within_one_in_64()
    {
        var statistics = new LengthStatistics();
        var random = new Random(7);
        var lengths = Enumerable.Range(0, 10_000).Select(_ => (long)random.Next(2_000, 5_000_000)).ToArray();
        foreach (var length in lengths)
        {
            statistics.Add(length);
        }

        var exact = lengths.Order().ElementAt((int)Math.Ceiling(0.95 * lengths.Length) - 1);
        var estimate = statistics.Percentile(0.95);

        estimate.ShouldBeGreaterThanOrEqualTo(exact);
        ((double)(estimate - exact) / exact).ShouldBeLessThan(1.0 / 64);
        statistics.Max.ShouldBe(lengths.Max());
        statistics.Min.ShouldBe(lengths.Min());
    }

    [Fact]
    public void Huge_length_fits_the_last_buckets()
    {
        var statistics = new LengthStatistics();

        statistics.Add(long.MaxValue);

        statistics.Percentile(0.95).ShouldBe(long.MaxValue);
    }

    [Fact]
    public void Empty_statistics_are_zero()
    {
        var statistics = new LengthStatistics();

        statistics.Min.ShouldBe(0);
        statistics.Max.ShouldBe(0);
        statistics.Mean.ShouldBe(0);
        statistics.Percentile(0.95).ShouldBe(0);
    }
}
