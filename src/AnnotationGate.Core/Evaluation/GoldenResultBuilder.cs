using AnnotationGate.Core.Checks;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;
using AnnotationGate.Core.Statistics;

namespace AnnotationGate.Core.Evaluation;

/// <summary>Turns golden-set outcomes into the check's metrics, threshold findings and tables.</summary>
internal sealed class GoldenResultBuilder
{
    private readonly string _checkId;
    private readonly GoldenCheckConfig _config;
    private readonly IReadOnlyList<GoldenThreshold> _thresholds;
    private readonly CheckContext _context;

    public GoldenResultBuilder(
        string checkId,
        GoldenCheckConfig config,
        IReadOnlyList<GoldenThreshold> thresholds,
        CheckContext context)
    {
        _checkId = checkId;
        _config = config;
        _thresholds = thresholds;
        _context = context;
    }

    /// <summary>
    /// Builds the result; <paramref name="unknownPredictions"/> counts predictions whose id is
    /// not in the golden set.
    /// </summary>
    public CheckResult Build(GoldenSet golden, IReadOnlyList<ItemOutcome> outcomes, long unknownPredictions)
    {
        var report = ClassificationReport.Create(outcomes.Select(o => (o.Expected, o.Predicted)));
        if (report.Total == 0)
        {
            return new CheckResult(_checkId, CheckTypes.Golden)
            {
                Dataset = _config.Dataset,
                Status = CheckStatus.Error,
                Summary = $"Golden dataset '{golden.Dataset}' has no labelled item, so nothing was scored.",
            };
        }

        var metrics = Metrics(report);
        var checkedMetrics = ApplyThresholds(metrics, report);
        var accuracy = Proportions.Wilson(report.Correct, report.Total);
        return new CheckResult(_checkId, CheckTypes.Golden)
        {
            Dataset = _config.Dataset,
            Status = checkedMetrics.Any(m => m.Passed == false) ? CheckStatus.Failed : CheckStatus.Passed,
            RecordsChecked = report.Total,
            RecordsFailed = report.Total - report.Correct,
            Summary = $"Accuracy {ReportFormat.Score(report.Accuracy)} {ReportFormat.Interval(accuracy)} on " +
                $"{report.Total} golden items; {report.Total - report.Missing} predicted, " +
                $"{report.Missing} without prediction, " +
                $"{unknownPredictions} prediction(s) with an id outside the golden set.",
            Metrics = checkedMetrics,
            Tables = [ConfusionTable(report), ClassTable(report), .. SliceTables(outcomes)],
            ItemOutcomes = outcomes,
        };
    }

    private List<Metric> Metrics(ClassificationReport report)
    {
        var accuracy = Proportions.Wilson(report.Correct, report.Total);
        var metrics = new List<Metric>
        {
            new("accuracy", report.Accuracy)
            {
                Check = _checkId, Lower = accuracy.Lower, Upper = accuracy.Upper, Count = report.Total,
            },
            new("coverage", report.Coverage) { Check = _checkId, Count = report.Total },
            new("macro-f1", report.MacroF1) { Check = _checkId, Count = report.Total },
            new("micro-f1", report.MicroF1) { Check = _checkId, Count = report.Total },
            new("weighted-f1", report.WeightedF1) { Check = _checkId, Count = report.Total },
        };
        foreach (var score in report.Scores)
        {
            metrics.Add(Ratio($"precision:{score.Label}", score.TruePositives, score.Predicted,
                "no item was predicted as this class"));
            metrics.Add(Ratio($"recall:{score.Label}", score.TruePositives, score.Support,
                "no golden item has this class"));
            metrics.Add(new Metric($"f1:{score.Label}", score.F1) { Check = _checkId, Count = score.Support });
        }

        return metrics;
    }

    private Metric Ratio(string name, long successes, long trials, string undefinedNote)
    {
        if (trials == 0)
        {
            return new Metric(name, 0)
            {
                Check = _checkId, Count = 0, Defined = false, Note = $"Undefined because {undefinedNote}.",
            };
        }

        var interval = Proportions.Wilson(successes, trials);
        return new Metric(name, interval.Estimate)
        {
            Check = _checkId, Lower = interval.Lower, Upper = interval.Upper, Count = trials,
        };
    }

    private List<Metric> ApplyThresholds(List<Metric> metrics, ClassificationReport report)
    {
        foreach (var threshold in _thresholds)
        {
            var name = threshold.Class is null ? threshold.Metric : $"{threshold.Metric}:{threshold.Class}";
            var index = metrics.FindIndex(m => m.Name == name);
            if (index < 0)
            {
                ReportUnknownClass(threshold, report);
                metrics.Add(new Metric(name, 0)
                {
                    Check = _checkId, Threshold = threshold.Minimum, Passed = false, Defined = false,
                    Note = $"Undefined because class '{threshold.Class}' does not occur.",
                });
                continue;
            }

            var metric = metrics[index];
            var passed = metric.Defined && metric.Value >= threshold.Minimum;
            metrics[index] = metric with { Threshold = threshold.Minimum, Passed = passed };
            if (!passed)
            {
                ReportBelow(threshold, metric, report);
            }
        }

        return metrics;
    }

    private void ReportBelow(GoldenThreshold threshold, Metric metric, ClassificationReport report)
    {
        var minimum = ReportFormat.Score(threshold.Minimum);
        if (!metric.Defined)
        {
            var reason = metric.Note is { Length: > 1 } note
                ? char.ToLowerInvariant(note[0]) + note[1..].TrimEnd('.')
                : "undefined";
            _context.Report(RuleCatalog.MetricBelowThreshold,
                $"{metric.Name} on {report.Total} golden items is {reason}, " +
                $"so it does not meet the threshold {minimum}. " +
                "See the per-class table and the confusion matrix for the classes that miss.",
                dataset: _config.Dataset);
            return;
        }

        var interval = metric.Lower is { } lower && metric.Upper is { } upper
            ? $" {ReportFormat.Interval(new ProportionInterval(metric.Value, lower, upper))}"
            : "";
        _context.Report(RuleCatalog.MetricBelowThreshold,
            $"{metric.Name} {ReportFormat.Score(metric.Value)}{interval} is below the threshold {minimum} " +
            $"on {report.Total} golden items. " +
            "See the per-class table and the confusion matrix for the classes that miss.",
            dataset: _config.Dataset);
    }

    private void ReportUnknownClass(GoldenThreshold threshold, ClassificationReport report) =>
        _context.Report(RuleCatalog.MetricBelowThreshold,
            $"Threshold '{threshold.Key}' names class '{threshold.Class}', " +
            "which occurs in neither the golden labels nor " +
            $"the predictions (classes: {string.Join(", ", report.Classes)}). Fix the class name in thresholds.",
            dataset: _config.Dataset);

    private static ResultTable ConfusionTable(ClassificationReport report)
    {
        var withMissing = report.Missing > 0;
        List<string> columns = ["golden \\ predicted", .. report.Classes];
        if (withMissing)
        {
            columns.Add("(no prediction)");
        }

        columns.Add("total");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var expected in report.Classes)
        {
            List<string> row = [expected, .. report.Classes.Select(p => ReportFormat.Count(report.Count(expected, p)))];
            if (withMissing)
            {
                row.Add(ReportFormat.Count(report.MissingFor(expected)));
            }

            row.Add(ReportFormat.Count(report.Find(expected)!.Support));
            rows.Add(row);
        }

        return new ResultTable("Confusion matrix", columns, rows)
        {
            Note = "Rows are golden labels and columns are predicted labels.",
        };
    }

    private static ResultTable ClassTable(ClassificationReport report)
    {
        var rows = report.Scores.Select(s => (IReadOnlyList<string>)
        [
            s.Label,
            ReportFormat.Count(s.Support),
            ReportFormat.Count(s.Predicted),
            ReportFormat.Score(s.Precision),
            ReportFormat.Score(s.Recall),
            ReportFormat.Score(s.F1),
        ]).ToList();
        return new ResultTable("Per-class scores", ["class", "support", "predicted", "precision", "recall", "F1"], rows)
        {
            Note = $"Macro-F1 {ReportFormat.Score(report.MacroF1)}, micro-F1 {ReportFormat.Score(report.MicroF1)}, " +
                $"weighted-F1 {ReportFormat.Score(report.WeightedF1)}. " +
                "Items without a prediction count as false negatives; " +
                "n/a marks a precision or recall with a zero denominator, counted as 0 in the averages.",
        };
    }

    private IEnumerable<ResultTable> SliceTables(IReadOnlyList<ItemOutcome> outcomes)
    {
        if (_config.Slices.Count == 0)
        {
            yield break;
        }

        var rows = new List<IReadOnlyList<string>>();
        foreach (var field in _config.Slices)
        {
            var groups = outcomes
                .GroupBy(o => o.Slices?.GetValueOrDefault(field) ?? GoldenSet.NoSliceValue, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (var group in groups)
            {
                var slice = ClassificationReport.Create(group.Select(o => (o.Expected, o.Predicted)));
                var interval = Proportions.Wilson(slice.Correct, slice.Total);
                rows.Add([field, group.Key, ReportFormat.Count(slice.Total), ReportFormat.Score(slice.Accuracy),
                    ReportFormat.Interval(interval), ReportFormat.Score(slice.MacroF1)]);
            }
        }

        string[] columns = ["slice", "value", "items", "accuracy", "95% CI", "macro-F1"];
        yield return new ResultTable("Scores per slice", columns, rows)
        {
            Note = "Accuracy intervals are Wilson score intervals. " +
                "Macro-F1 averages over the classes seen in the slice.",
        };
    }
}
