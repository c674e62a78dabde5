using AnnotationGate.Core.Checks;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Evaluation;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Labels;

/// <summary>Turns source scores into the scoreboard, the metrics and the AG2005 findings.</summary>
internal sealed class LabelSourcesResultBuilder
{
    private readonly string _checkId;
    private readonly LabelSourcesCheckConfig _config;
    private readonly CheckContext _context;

    public LabelSourcesResultBuilder(string checkId, LabelSourcesCheckConfig config, CheckContext context)
    {
        _checkId = checkId;
        _config = config;
        _context = context;
    }

    public CheckResult Build(GoldenSet golden, IReadOnlyList<SourceScore> scores)
    {
        var metrics = scores.SelectMany(Metrics).ToList();
        var failed = metrics.Any(m => m.Passed == false);
        return new CheckResult(_checkId, CheckTypes.LabelSources)
        {
            Dataset = _config.Dataset,
            Status = failed ? CheckStatus.Failed : CheckStatus.Passed,
            RecordsChecked = golden.Items.Count,
            Summary = $"{scores.Count} label source(s) scored against {golden.Items.Count} golden items " +
                $"of '{golden.Dataset}'.",
            Metrics = metrics,
            Tables = [Scoreboard(golden, scores)],
        };
    }

    private List<Metric> Metrics(SourceScore score)
    {
        var prefix = score.Source + ".";
        var metrics = new List<Metric>
        {
            new(prefix + "items", score.Items) { Check = _checkId, Count = score.GoldenItems },
            new(prefix + "votes-per-item", score.VotesPerItem) { Check = _checkId, Count = score.Items },
            new(prefix + "ties", score.Ties) { Check = _checkId, Count = score.Items },
            AccuracyMetric(score),
            new(prefix + "expected-accuracy", score.ExpectedAccuracy)
            {
                Check = _checkId, Count = score.Items, Defined = score.Items > 0,
            },
            KappaMetric(score),
        };
        return metrics;
    }

    private Metric AccuracyMetric(SourceScore score)
    {
        var name = score.Source + ".accuracy";
        var metric = score.Accuracy is { } accuracy
            ? new Metric(name, accuracy.Estimate) { Lower = accuracy.Lower, Upper = accuracy.Upper }
            : new Metric(name, 0) { Defined = false, Note = "Undefined: the source labels no golden item." };
        metric = metric with { Check = _checkId, Count = score.Items };
        if (_config.MinAccuracy is not { } minimum)
        {
            return metric;
        }

        var passed = metric.Defined && metric.Value >= minimum;
        if (!passed)
        {
            var value = score.Accuracy is { } a
                ? $"{ReportFormat.Score(a.Estimate)} {ReportFormat.Interval(a)}"
                : "undefined (it labels no golden item)";
            Report(score, $"accuracy {value} is below min-accuracy {ReportFormat.Score(minimum)}");
        }

        return metric with { Threshold = minimum, Passed = passed };
    }

    private Metric KappaMetric(SourceScore score)
    {
        var kappa = score.Kappa;
        var metric = new Metric(score.Source + ".kappa", kappa.Value ?? 0)
        {
            Check = _checkId,
            Count = kappa.Units,
            Defined = kappa.IsDefined,
            Note = kappa.UndefinedReason,
        };
        if (_config.MinKappa is not { } minimum)
        {
            return metric;
        }

        var passed = kappa.Value is { } v && v >= minimum;
        if (!passed)
        {
            var value = kappa.Value is { } k
                ? ReportFormat.Score(k)
                : $"undefined ({kappa.UndefinedReason?.TrimEnd('.')})";
            Report(score, $"Cohen's kappa {value} is below min-kappa {ReportFormat.Score(minimum)}");
        }

        return metric with { Threshold = minimum, Passed = passed };
    }

    private void Report(SourceScore score, string what) =>
        _context.Report(RuleCatalog.SourceAgreementBelowThreshold,
            $"Source '{score.Source}' {what} on {score.Items} golden items. " +
            "Review the source's labels, or its aggregation, before using them for training or evaluation.",
            dataset: score.Source);

    private static ResultTable Scoreboard(GoldenSet golden, IReadOnlyList<SourceScore> scores)
    {
        var rows = scores.Select(s => (IReadOnlyList<string>)
        [
            s.Source,
            s.Kind,
            ReportFormat.Count(s.Items),
            ReportFormat.Score(s.Coverage),
            $"{ReportFormat.Mean(s.VotesPerItem)} ({s.MinVotes}-{s.MaxVotes})",
            s.Annotators is { } a ? ReportFormat.Count(a) : "n/a",
            ReportFormat.Count(s.Ties),
            ReportFormat.Score(s.Accuracy?.Estimate),
            s.Accuracy is { } interval ? ReportFormat.Interval(interval) : "n/a",
            ReportFormat.Score(s.Items == 0 ? null : s.ExpectedAccuracy),
            ReportFormat.Score(s.Kappa.Value),
        ]).ToList();
        string[] columns =
        [
            "source", "kind", "items", "coverage", "votes/item (min-max)", "annotators", "ties",
            "accuracy", "95% CI", "expected accuracy", "kappa",
        ];
        return new ResultTable($"Label sources against '{golden.Dataset}'", columns, rows)
        {
            Note = LabelSourcesCheck.TieRule +
                " Accuracy intervals are Wilson score intervals. Kappa is Cohen's kappa, unweighted.",
        };
    }
}
