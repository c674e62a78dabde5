using AnnotationGate.Core.Results;
using static AnnotationGate.Core.Regression.RegressionFormat;

namespace AnnotationGate.Core.Regression;

/// <summary>Renders a <see cref="RegressionReport"/> as tables for the generic reporters.</summary>
internal static class RegressionTables
{
    public static IReadOnlyList<ResultTable> Build(RegressionReport report) =>
        [.. report.Checks.Select(check => Table(report, check))];

    private static ResultTable Table(RegressionReport report, CheckComparison check)
    {
        var options = report.Options;
        IReadOnlyList<string> columns =
        [
            "metric", "baseline", "current", $"change [{Percent(options.Confidence)}% CI]", "p", "p (Holm)", "verdict",
        ];
        string title = $"Change against baseline: {check.CheckId}";
        if (!check.Comparable)
        {
            IReadOnlyList<string> row = ["all", "-", "-", "-", "-", "-", Verdict(RegressionVerdict.NotComparable)];
            return new ResultTable(title, columns, [row]) { Note = check.Reason };
        }

        return new ResultTable(title, columns, [.. check.Metrics.Select(Row)]) { Note = Note(report, check) };
    }

    private static IReadOnlyList<string> Row(MetricComparison row) =>
    [
        row.Slice is null ? row.Metric : $"{row.Metric} ({row.Slice})",
        Value(row.Baseline),
        Value(row.Current),
        ChangeWithInterval(row.Change, row.Lower, row.Upper),
        PValue(row.PValue),
        PValue(row.AdjustedPValue),
        Verdict(row.Verdict),
    ];

    private static string Verdict(RegressionVerdict verdict) => verdict switch
    {
        RegressionVerdict.Regression => "↓ regression",
        RegressionVerdict.Improvement => "↑ improvement",
        RegressionVerdict.WithinTolerance => "↓ drop within tolerance",
        RegressionVerdict.NoSignificantChange => "no significant change",
        _ => "not comparable",
    };

    private static string Note(RegressionReport report, CheckComparison check)
    {
        var options = report.Options;
        string accuracyTest = options.McNemar == McNemarVariant.MidP
            ? "exact McNemar test (mid-p)"
            : "exact McNemar test";
        string note = $"{check.Items} paired items. "
            + $"Accuracy: {accuracyTest} on the items that changed, Newcombe interval. "
            + $"Other metrics: paired bootstrap, {options.Resamples} resamples, seed {options.Seed}, "
            + "percentile interval. "
            + $"p (Holm) is adjusted across {report.Comparisons} comparisons. A metric regresses when it drops "
            + $"by more than {Value(options.Tolerance)} and p (Holm) is below {Level(options.Alpha)}.";
        if (check.RightToWrong.Count > 0)
        {
            note += $" Right to wrong: {Ids(check.RightToWrong, options.FlippedItemsShown)}.";
        }

        if (check.WrongToRight.Count > 0)
        {
            note += $" Wrong to right: {Ids(check.WrongToRight, options.FlippedItemsShown)}.";
        }

        return note;
    }
}
