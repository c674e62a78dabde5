using System.Text.Json;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Regression;
using AnnotationGate.Core.Results;
using static AnnotationGate.Core.Tests.Regression.RegressionTestData;

namespace AnnotationGate.Core.Tests.Regression;

public sealed class RegressionComparerTests
{
    private static readonly RegressionOptions Options = new() { Resamples = 2000, Seed = 42 };

    [Fact]
    public void One_flip_of_45_is_no_significant_change()
    {
        var baselineItems = Items(50, 45);
        var report = Compare(baselineItems, Flip(baselineItems, 0));

        var accuracy = Row(report, "accuracy");

        accuracy.Baseline!.Value.ShouldBe(0.90);
        accuracy.Current!.Value.ShouldBe(0.88);
        accuracy.Change!.Value.ShouldBe(-0.02);
        accuracy.PValue!.Value.ShouldBe(1.0);
        accuracy.RightToWrong.ShouldBe(1);
        accuracy.WrongToRight.ShouldBe(0);
        accuracy.Verdict.ShouldBe(RegressionVerdict.NoSignificantChange);
        report.HasRegression.ShouldBeFalse();
        report.Findings.ShouldNotContain(f => f.Code == RuleCatalog.SignificantRegression);
    }

    [Fact]
    public void Ten_flips_of_45_is_regression()
    {
        var baselineItems = Items(50, 45);
        var report = Compare(baselineItems, Flip(baselineItems, [.. Enumerable.Range(0, 10)]));

        var accuracy = Row(report, "accuracy");
        var check = report.Checks.ShouldHaveSingleItem();

        accuracy.PValue!.Value.ShouldBe(0.001953125, 1e-15);
        accuracy.MidPValue!.Value.ShouldBe(0.0009765625, 1e-15);
        accuracy.Test.ShouldBe("exact McNemar, Newcombe interval");
        accuracy.Lower!.Value.ShouldBe(-0.323765909676084, 1e-12);
        accuracy.Upper!.Value.ShouldBe(-0.081789175161662, 1e-12);
        accuracy.Verdict.ShouldBe(RegressionVerdict.Regression);
        check.RightToWrong.Count.ShouldBe(10);
        check.RightToWrong[0].ShouldBe("item-000");
        report.HasRegression.ShouldBeTrue();
        var finding = report.Findings.Single(
            f => f.Code == RuleCatalog.SignificantRegression && f.Message.Contains("accuracy"));
        finding.Severity.ShouldBe(Severity.Error);
        finding.Check.ShouldBe(CheckId);
        finding.Message.ShouldContain("'item-000', 'item-001'");
        finding.Message.ShouldContain("p = 0.0020");
    }

    [Fact]
    public void Significant_drop_within_tolerance_passes()
    {
        var baselineItems = Items(50, 45);
        var current = Flip(baselineItems, [.. Enumerable.Range(0, 10)]);
        var report = Compare(baselineItems, current, Options with { Tolerance = 0.25 });

        Row(report, "accuracy").Verdict.ShouldBe(RegressionVerdict.WithinTolerance);
        report.HasRegression.ShouldBeFalse();
    }

    [Fact]
    public void Regression_table_uses_fixed_decimals_and_arrows()
    {
        var baselineItems = Items(50, 45);
        var report = Compare(baselineItems, Flip(baselineItems, [.. Enumerable.Range(0, 10)]));

        var table = report.ToTables().ShouldHaveSingleItem();
        var row = table.Rows[0];

        table.Columns.ShouldBe(["metric", "baseline", "current", "change [95% CI]", "p", "p (Holm)", "verdict"]);
        row[0].ShouldBe("accuracy");
        row[1].ShouldBe("0.900");
        row[2].ShouldBe("0.700");
        row[3].ShouldBe("-0.200 [-0.324, -0.082]");
        row[4].ShouldBe("0.0020");
        row[6].ShouldBe("↓ regression");
        table.Note!.ShouldContain("Right to wrong: 'item-000'");
    }

    [Fact]
    public void Improvement_is_reported_with_up_arrow()
    {
        var baselineItems = Items(60, 30);
        var report = Compare(baselineItems, Flip(baselineItems, [.. Enumerable.Range(30, 15)]));

        var accuracy = Row(report, "accuracy");

        accuracy.Verdict.ShouldBe(RegressionVerdict.Improvement);
        accuracy.Change!.Value.ShouldBe(0.25);
        report.ToTables()[0].Rows[0][6].ShouldBe("↑ improvement");
        report.Checks[0].WrongToRight.Count.ShouldBe(15);
    }

    [Fact]
    public void Slice_regression_detected_when_overall_flat()
    {
        // 80 items, even ones English, odd ones French. French loses 10 items, English gains 9.
        var baselineItems = Items(80, 60, Language);
        int[] frenchLost = [.. Enumerable.Range(0, 60).Where(i => i % 2 == 1).Take(10)];
        int[] englishGained = [.. Enumerable.Range(60, 20).Where(i => i % 2 == 0).Take(9)];
        var report = Compare(baselineItems, Flip(baselineItems, [.. frenchLost, .. englishGained]));

        var overall = Row(report, "accuracy");
        var french = Row(report, "accuracy", "fr");
        var english = Row(report, "accuracy", "en");

        overall.Verdict.ShouldBe(RegressionVerdict.NoSignificantChange);
        overall.PValue!.Value.ShouldBe(1.0);
        french.Items.ShouldBe(40);
        french.Change!.Value.ShouldBe(-0.25);
        french.PValue!.Value.ShouldBe(0.001953125, 1e-15);
        french.Verdict.ShouldBe(RegressionVerdict.Regression);
        english.Verdict.ShouldBe(RegressionVerdict.Improvement);
        report.Comparisons.ShouldBe(6);
        french.AdjustedPValue!.Value.ShouldBeGreaterThan(french.PValue!.Value);
        report.Findings.ShouldContain(
            f => f.Code == RuleCatalog.SignificantRegression && f.Message.Contains("slice language = fr"));
    }

    [Fact]
    public void Changed_golden_set_is_not_compared()
    {
        var baselineItems = Items(50, 45);
        var current = Items(50, 45);
        current[3] = current[3] with { Expected = "refund-request", Predicted = "refund-request" };
        current.RemoveAt(7);

        var report = Compare(baselineItems, current);
        var check = report.Checks.ShouldHaveSingleItem();
        var finding = report.Findings.Single(f => f.Code == RuleCatalog.BaselineIncompatible);

        check.Comparable.ShouldBeFalse();
        check.Metrics.ShouldBeEmpty();
        finding.Severity.ShouldBe(Severity.Error);
        finding.File.ShouldBe("baselines/intent.json");
        finding.Message.ShouldContain("1 baseline item(s) are missing from this run ('item-007')");
        finding.Message.ShouldContain("1 item(s) have another expected label ('item-003')");
        report.ToTables()[0].Rows[0][6].ShouldBe("not comparable");
        report.HasRegression.ShouldBeFalse();
    }

    [Fact]
    public void Edited_baseline_items_are_detected()
    {
        var items = Items(20, 18);
        var baseline = Baseline(items);
        var check = baseline.Checks[0];
        var edited = check with
        {
            Items = [.. check.Items.Select((item, n) => n == 4 ? item with { Expected = "other" } : item)],
        };

        var report = RegressionComparer.Compare(baseline with { Checks = [edited] }, Result(items), Options);

        report.Checks[0].Comparable.ShouldBeFalse();
        report.Findings.ShouldContain(f => f.Code == RuleCatalog.BaselineIncompatible);
    }

    [Fact]
    public void Check_missing_from_baseline_gives_notice()
    {
        var baseline = Baseline(Items(10, 9)) with { Checks = [] };

        var report = RegressionComparer.Compare(baseline, Result(Items(10, 9)), Options);

        var finding = report.Findings.ShouldHaveSingleItem();
        finding.Code.ShouldBe(RuleCatalog.CheckWithoutBaseline);
        finding.Severity.ShouldBe(Severity.Notice);
        report.Checks[0].Comparable.ShouldBeFalse();
    }

    [Fact]
    public void Small_golden_set_gets_detectable_drop_notice()
    {
        var baselineItems = Items(120, 108);

        var report = Compare(baselineItems, baselineItems);
        var finding = report.Findings.Single(f => f.Code == RuleCatalog.ToleranceBelowDetectableDrop);

        finding.Message.ShouldStartWith("With 120 golden items, check 'intent' cannot see a 2.0-point accuracy drop");
        finding.Message.ShouldContain("drops of about 6.4 points");
        finding.Message.ShouldContain("needs about 391 items");
        report.Checks[0].ItemsForTolerance.ShouldBe(391);
    }

    [Fact]
    public void Small_slices_get_one_notice()
    {
        var baselineItems = Items(80, 72, Language);

        var report = RegressionComparer.Compare(
            Baseline(baselineItems), Result(baselineItems), Options with { Tolerance = 0.15 });
        var notice = report.Findings.ShouldHaveSingleItem();

        notice.Code.ShouldBe(RuleCatalog.ToleranceBelowDetectableDrop);
        notice.Message.ShouldStartWith("In check 'intent', 2 slice(s) are too small to see a 15.0-point accuracy drop");
        notice.Message.ShouldContain("language = en (40 items, about 18.5 points)");
    }

    [Fact]
    public void Large_drop_without_significance_gives_noise_notice()
    {
        // 3 of 20 flip right to wrong: a 15-point drop, exact p = 0.25.
        var baselineItems = Items(20, 18);
        var report = Compare(baselineItems, Flip(baselineItems, 0, 1, 2));

        Row(report, "accuracy").Verdict.ShouldBe(RegressionVerdict.NoSignificantChange);
        report.Findings.ShouldContain(
            f => f.Code == RuleCatalog.DropWithinNoise && f.Message.Contains("accuracy dropped from 0.900 to 0.750"));
    }

    [Fact]
    public void Bootstrap_rows_are_reproducible()
    {
        var baselineItems = Items(60, 50);
        var current = Flip(baselineItems, 0, 1, 2, 3, 4, 5, 55);

        var first = Row(Compare(baselineItems, current), "macro-f1");
        var second = Row(Compare(baselineItems, current), "macro-f1");

        second.ShouldBe(first);
        first.Test.ShouldBe("paired bootstrap, 2000 resamples, percentile interval");
        first.Lower!.Value.ShouldBeLessThan(first.Change!.Value);
        first.Upper!.Value.ShouldBeGreaterThan(first.Change!.Value);
    }

    [Fact]
    public void Gate_file_change_is_reported()
    {
        var items = Items(10, 9);

        var same = RegressionComparer.Compare(Baseline(items), Result(items), Options, gateFileSha256: "ab12");
        var other = RegressionComparer.Compare(Baseline(items), Result(items), Options, gateFileSha256: "cd34");

        same.GateFileChanged.ShouldBe(false);
        other.GateFileChanged.ShouldBe(true);
    }

    [Fact]
    public void Report_serializes_test_and_verdict()
    {
        var baselineItems = Items(50, 45);
        var report = Compare(baselineItems, Flip(baselineItems, [.. Enumerable.Range(0, 10)]));

        string json = JsonSerializer.Serialize(report, BaselineStore.JsonOptions);

        json.ShouldContain("\"test\": \"exact McNemar, Newcombe interval\"");
        json.ShouldContain("\"verdict\": \"Regression\"");
        json.ShouldContain("\"rightToWrong\": [");
    }

    [Fact]
    public void Undefined_metric_is_not_comparable()
    {
        var items = Items(30, 27);
        var current = Result(items);
        var check = current.Checks[0] with { Metrics = [new Metric("precision:cancel", 0) { Threshold = 0.5 }] };
        current = current with { Checks = [check] };

        var report = RegressionComparer.Compare(Baseline(items), current, Options);
        var row = Row(report, "precision:cancel");
        string json = JsonSerializer.Serialize(report, BaselineStore.JsonOptions);

        row.Verdict.ShouldBe(RegressionVerdict.NotComparable);
        row.PValue.ShouldBeNull();
        row.Note.ShouldBe("The metric precision:cancel is undefined on these items.");
        report.Comparisons.ShouldBe(2);
        report.ToTables()[0].Rows[2][1].ShouldBe("n/a");
        json.ShouldContain("\"verdict\": \"NotComparable\"");
    }

    [Fact]
    public void Format_never_prints_float_noise()
    {
        RegressionFormat.Value(0.1 + 0.2).ShouldBe("0.300");
        RegressionFormat.Change(-0.0001).ShouldBe("0.000");
        RegressionFormat.Change(0.07000000000000001).ShouldBe("+0.070");
        RegressionFormat.Points(0.07000000000000001).ShouldBe("7.0");
        RegressionFormat.PValue(0.00001).ShouldBe("< 0.0001");
        RegressionFormat.Percent(0.95).ShouldBe("95");
    }

    private static string Language(int index) => index % 2 == 0 ? "en" : "fr";

    private static RegressionReport Compare(
        List<ItemOutcome> baselineItems, List<ItemOutcome> currentItems, RegressionOptions? options = null) =>
        RegressionComparer.Compare(
            Baseline(baselineItems), Result(currentItems), options ?? Options, baselinePath: "baselines/intent.json");

    private static BaselineFile Baseline(List<ItemOutcome> items) =>
        BaselineFile.FromResult(Result(items), "ab12", TimeProvider.System);

    private static MetricComparison Row(RegressionReport report, string metric, string? language = null) =>
        report.Checks.SelectMany(c => c.Metrics).Single(m => m.Metric == metric && m.Slice?.Value == language);
}
