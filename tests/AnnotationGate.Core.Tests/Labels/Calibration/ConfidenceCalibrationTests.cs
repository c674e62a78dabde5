using AnnotationGate.Core.Labels.Calibration;

namespace AnnotationGate.Core.Tests.Labels.Calibration;

public sealed class ConfidenceCalibrationTests
{
    // Three occupied bins: (0.9, 1] has 4 items at 0.95 with 3 correct (gap 0.2), (0.6, 0.7] has
    // 2 at 0.65 with 1 correct (gap 0.15), (0.2, 0.3] has 2 at 0.25 with 1 correct (gap 0.25).
    // ECE = 4/8 * 0.2 + 2/8 * 0.15 + 2/8 * 0.25 = 0.2.
    private static readonly (double, bool)[] HandExample =
    [
        (0.95, true), (0.95, true), (0.95, false), (0.95, true),
        (0.65, true), (0.65, false),
        (0.25, false), (0.25, true),
    ];

    [Fact]
    public void Evaluate_hand_example_matches_ece()
    {
        var report = ConfidenceCalibration.Evaluate(HandExample);

        report.ExpectedCalibrationError!.Value.ShouldBe(0.2, 1e-12);
        report.MaximumCalibrationError!.Value.ShouldBe(0.25, 1e-12);
        report.Count.ShouldBe(8);
        report.MeanConfidence!.Value.ShouldBe(0.7, 1e-12);
        report.Accuracy!.Value.ShouldBe(0.625, 1e-12);
    }

    [Fact]
    public void Evaluate_hand_example_fills_bins()
    {
        var bins = ConfidenceCalibration.Evaluate(HandExample).Bins;

        bins.Count.ShouldBe(10);
        bins.Select(b => b.Count).ShouldBe([0, 0, 2, 0, 0, 0, 2, 0, 0, 4]);
        bins[9].Lower.ShouldBe(0.9, 1e-15);
        bins[9].Upper.ShouldBe(1.0);
        bins[9].MeanConfidence!.Value.ShouldBe(0.95, 1e-12);
        bins[9].Accuracy!.Value.ShouldBe(0.75, 1e-12);
        bins[9].Gap!.Value.ShouldBe(0.2, 1e-12);
        bins[0].MeanConfidence.ShouldBeNull();
        bins[0].Gap.ShouldBeNull();
    }

    [Fact]
    public void Evaluate_bins_are_right_closed()
    {
        var report = ConfidenceCalibration.Evaluate([(0.0, false), (0.1, true), (0.5, true), (1.0, true)]);

        report.Bins.Select(b => b.Count).ShouldBe([2, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
    }

    [Fact]
    public void Evaluate_well_calibrated_gives_zero()
    {
        var items = Enumerable.Range(0, 10).Select(i => (0.8, i < 8));

        var report = ConfidenceCalibration.Evaluate(items);

        report.ExpectedCalibrationError!.Value.ShouldBe(0.0, 1e-12);
    }

    [Fact]
    public void Evaluate_custom_bin_count_changes_grouping()
    {
        // One bin: mean confidence 0.7, accuracy 0.625, so ECE is 0.075.
        var report = ConfidenceCalibration.Evaluate(HandExample, bins: 1);

        report.Bins.Count.ShouldBe(1);
        report.ExpectedCalibrationError!.Value.ShouldBe(0.075, 1e-12);
    }

    [Fact]
    public void Evaluate_no_items_gives_null()
    {
        var report = ConfidenceCalibration.Evaluate([]);

        report.ExpectedCalibrationError.ShouldBeNull();
        report.MaximumCalibrationError.ShouldBeNull();
        report.Count.ShouldBe(0);
        report.Bins.Count.ShouldBe(10);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Evaluate_confidence_out_of_range_throws(double confidence)
    {
        var error = Should.Throw<ArgumentOutOfRangeException>(
            () => ConfidenceCalibration.Evaluate([(confidence, true)]));

        error.Message.ShouldContain("is outside [0, 1]. Scale percentages to [0, 1] first.");
    }

    [Fact]
    public void Evaluate_zero_bins_throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ConfidenceCalibration.Evaluate(HandExample, bins: 0));
    }

    [Fact]
    public void OverconfidentShare_counts_disputed_confident_items()
    {
        (double, bool)[] items = [(0.99, true), (0.95, true), (0.5, true), (0.99, false), (0.2, false)];

        var (overconfident, disagreements, share) = ConfidenceCalibration.OverconfidentShare(items);

        overconfident.ShouldBe(2);
        disagreements.ShouldBe(3);
        share.ShouldBe(2.0 / 3, 1e-15);
    }

    [Fact]
    public void OverconfidentShare_custom_threshold_applies()
    {
        (double, bool)[] items = [(0.92, true), (0.85, true), (0.99, false)];

        var result = ConfidenceCalibration.OverconfidentShare(items, threshold: 0.9);

        result.Overconfident.ShouldBe(1);
        result.Disagreements.ShouldBe(2);
        result.Share.ShouldBe(0.5);
    }

    [Fact]
    public void OverconfidentShare_no_disagreements_gives_zero()
    {
        var result = ConfidenceCalibration.OverconfidentShare([(0.99, false), (0.97, false)]);

        result.Overconfident.ShouldBe(0);
        result.Disagreements.ShouldBe(0);
        result.Share.ShouldBe(0.0);
    }

    [Fact]
    public void OverconfidentShare_invalid_threshold_throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(
            () => ConfidenceCalibration.OverconfidentShare([(0.5, true)], threshold: 95));
    }
}
