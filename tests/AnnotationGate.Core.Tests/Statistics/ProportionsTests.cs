using AnnotationGate.Core.Statistics;

namespace AnnotationGate.Core.Tests.Statistics;

public sealed class ProportionsTests
{
    [Fact]
    public void Wilson_eight_of_ten_matches_known_interval()
    {
        var interval = Proportions.Wilson(8, 10);

        interval.Estimate.ShouldBe(0.8);
        interval.Lower.ShouldBe(0.4902, 0.00005);
        interval.Upper.ShouldBe(0.9433, 0.00005);
    }

    [Fact]
    public void Wilson_all_successes_reaches_one()
    {
        var interval = Proportions.Wilson(10, 10);

        interval.Upper.ShouldBe(1.0);
        interval.Lower.ShouldBe(0.7225, 0.00005);
    }

    [Fact]
    public void Wilson_no_successes_starts_at_zero()
    {
        var interval = Proportions.Wilson(0, 10);

        interval.Lower.ShouldBe(0.0);
        interval.Upper.ShouldBe(0.2775, 0.00005);
    }

    [Fact]
    public void Wilson_smaller_z_narrows_interval()
    {
        var interval = Proportions.Wilson(8, 10, z: 1.6448536269514722);

        interval.Lower.ShouldBe(0.5408, 0.00005);
        interval.Upper.ShouldBe(0.9314, 0.00005);
    }

    [Fact]
    public void Wilson_zero_trials_throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Proportions.Wilson(0, 0));
    }
}
