using AnnotationGate.Core.Regression;

namespace AnnotationGate.Core.Tests.Regression;

public sealed class ClassificationMetricTests
{
    // Classes a = 0, b = 1, c = 2. Expected a a b b c; predicted a b b (none) a.
    private static readonly string[] Classes = ["a", "b", "c"];
    private static readonly int[] Expected = [0, 0, 1, 1, 2];
    private static readonly int[] Predicted = [0, 1, 1, -1, 0];
    private static readonly int[] Once = [1, 1, 1, 1, 1];

    [Theory]
    [InlineData("accuracy", 0.4)]
    [InlineData("macro-f1", 1.0 / 3)]
    [InlineData("micro-f1", 4.0 / 9)]
    [InlineData("weighted-f1", 0.4)]
    [InlineData("precision:a", 0.5)]
    [InlineData("recall:a", 0.5)]
    [InlineData("precision:c", 0.0)]
    [InlineData("f1:c", 0.0)]
    public void Metric_matches_hand_computation(string name, double expected)
    {
        var metric = ClassificationMetric.TryParse(name)!;

        double value = metric.Evaluate(Expected, Predicted, Once, Classes);

        value.ShouldBe(expected, 1e-15);
    }

    [Fact]
    public void Weights_repeat_items()
    {
        var metric = ClassificationMetric.TryParse("accuracy")!;

        double value = metric.Evaluate(Expected, Predicted, [3, 0, 0, 1, 0], Classes);

        value.ShouldBe(0.75);
    }

    [Fact]
    public void Macro_f1_skips_absent_classes()
    {
        var metric = ClassificationMetric.TryParse("macro-f1")!;

        // Only the two a items are drawn: class a has F1 2/3, class b (predicted once) 0, c is absent.
        double value = metric.Evaluate(Expected, Predicted, [1, 1, 0, 0, 0], Classes);

        value.ShouldBe(1.0 / 3, 1e-15);
    }

    [Theory]
    [InlineData("kappa")]
    [InlineData("f1:")]
    [InlineData("support:a")]
    public void Unknown_metric_is_not_parsed(string name)
    {
        ClassificationMetric.TryParse(name).ShouldBeNull();
    }
}
