using AnnotationGate.Core.Labels.Policy;

namespace AnnotationGate.Core.Tests.Labels.Policy;

public sealed class GoldenSizingTests
{
    [Theory]
    [InlineData(0.5, 0.05, 381)]
    [InlineData(0.9, 0.05, 141)]
    [InlineData(0.9, 0.02, 868)]
    public void Required_size_meets_the_margin(double threshold, double margin, long expected)
    {
        var size = GoldenSizing.RequiredSize(threshold, margin);

        size.ShouldBe(expected);
        GoldenSizing.HalfWidth(threshold, size).ShouldBeLessThanOrEqualTo(margin);
        GoldenSizing.HalfWidth(threshold, size - 1).ShouldBeGreaterThan(margin);
    }
}
