using AnnotationGate.Core.Evaluation;

namespace AnnotationGate.Core.Tests.Evaluation;

public sealed class ClassificationReportTests
{
    // Eight golden items over classes a, b, c; item 7 has no prediction.
    private static readonly (string, string?)[] Example =
    [
        ("a", "a"), ("a", "a"), ("a", "b"), ("b", "b"), ("b", "a"), ("c", "c"), ("c", null), ("a", "c"),
    ];

    [Fact]
    public void Report_counts_accuracy_over_all_golden_items()
    {
        var report = ClassificationReport.Create(Example);

        report.Total.ShouldBe(8);
        report.Correct.ShouldBe(4);
        report.Missing.ShouldBe(1);
        report.Accuracy.ShouldBe(0.5);
        report.Coverage.ShouldBe(7.0 / 8);
    }

    [Fact]
    public void Report_per_class_scores_hand_computed()
    {
        var report = ClassificationReport.Create(Example);

        var a = report.Find("a")!;
        a.Support.ShouldBe(4);
        a.Predicted.ShouldBe(3);
        a.Precision!.Value.ShouldBe(2.0 / 3, 1e-12);
        a.Recall!.Value.ShouldBe(0.5, 1e-12);
        a.F1.ShouldBe(4.0 / 7, 1e-12);
        var c = report.Find("c")!;
        c.Support.ShouldBe(2);
        c.FalseNegatives.ShouldBe(1);
        c.Precision!.Value.ShouldBe(0.5, 1e-12);
        c.Recall!.Value.ShouldBe(0.5, 1e-12);
    }

    [Fact]
    public void Report_macro_micro_weighted_differ()
    {
        var report = ClassificationReport.Create(Example);

        report.MacroF1.ShouldBe(((4.0 / 7) + 0.5 + 0.5) / 3, 1e-12);
        report.MicroF1.ShouldBe(8.0 / 15, 1e-12);
        report.WeightedF1.ShouldBe(((4 * 4.0 / 7) + 1 + 1) / 8, 1e-12);
    }

    [Fact]
    public void Report_micro_f1_equals_accuracy_when_complete()
    {
        var report = ClassificationReport.Create([("x", "x"), ("x", "y"), ("y", "y"), ("z", "y")]);

        report.MicroF1.ShouldBe(report.Accuracy, 1e-12);
        report.Accuracy.ShouldBe(0.5);
    }

    [Fact]
    public void Report_never_predicted_class_has_undefined_precision()
    {
        var report = ClassificationReport.Create([("x", "y"), ("y", "y")]);

        var x = report.Find("x")!;
        x.Precision.ShouldBeNull();
        x.Recall.ShouldBe(0.0);
        x.F1.ShouldBe(0.0);
        report.MacroF1.ShouldBe((0 + (2.0 / 3)) / 2, 1e-12);
    }

    [Fact]
    public void Report_confusion_cells_rows_expected()
    {
        var report = ClassificationReport.Create(Example);

        report.Classes.ShouldBe(["a", "b", "c"]);
        report.Count("a", "b").ShouldBe(1);
        report.Count("b", "a").ShouldBe(1);
        report.Count("a", "c").ShouldBe(1);
        report.MissingFor("c").ShouldBe(1);
    }
}
