using System.Globalization;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;
using AnnotationGate.Core.Evaluation;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Labels.Aggregation;
using AnnotationGate.Core.Labels.Calibration;
using AnnotationGate.Core.Labels.Leakage;
using AnnotationGate.Core.Labels.Provenance;
using AnnotationGate.Core.Results;
using AnnotationGate.Core.Statistics;

namespace AnnotationGate.Core.Labels.Policy;

// Rules 3 (golden leakage) and 8 (overconfident LLM labels), written against LeakageDetector and
// ConfidenceCalibration. Rule 9 (label drift) lives in PolicyRules.Drift.cs.
internal sealed partial class PolicyRules
{
    /// <summary>Fewest reviewed items with a confidence before the calibration error is judged.</summary>
    private const int MinCalibrationItems = 10;

    partial void RunStatisticalRules()
    {
        Leakage();
        Overconfidence();
        Drift();
    }

    private void Leakage()
    {
        var withText = _context.Config.Datasets.Where(d => !string.IsNullOrWhiteSpace(d.Value.Text)).ToList();
        var goldens = withText.Where(d => _references.Contains(d.Key)).Select(d => d.Key).Order(StringComparer.Ordinal);
        var trainings = withText.Where(d => d.Value.Purpose == DatasetPurpose.Training).Select(d => d.Key)
            .Order(StringComparer.Ordinal).ToList();
        var options = new LeakageOptions { Jaccard = _policy.LeakageJaccard, ShingleSize = _policy.LeakageShingleSize };
        foreach (var golden in goldens)
        {
            var goldenTexts = Texts(golden).Select(t => (t.Id, t.Text)).ToList();
            foreach (var training in trainings.Where(t => t != golden))
            {
                var report = LeakageDetector.Find(goldenTexts, Texts(training), options);
                // The metric counts golden items that leaked; one item may match several training rows.
                var leakedItems = report.Exact.Concat(report.Near).Select(p => p.GoldenId).Distinct(StringComparer.Ordinal).Count();
                Add(new Metric($"{golden}.leaked-into.{training}", leakedItems)
                {
                    Count = goldenTexts.Count, Threshold = 0, ThresholdIsMaximum = true,
                    Passed = leakedItems == 0,
                });
                foreach (var pair in report.Exact)
                {
                    ReportLeak(golden, training, pair, "the same text after normalization");
                }

                foreach (var pair in report.Near)
                {
                    ReportLeak(golden, training, pair,
                        $"a near duplicate (Jaccard {ReportFormat.Score(pair.Similarity)} ≥ " +
                        $"{ReportFormat.Score(_policy.LeakageJaccard)})");
                }
            }
        }
    }

    private IEnumerable<(string Id, string Text, string File, int Line)> Texts(string dataset)
    {
        if (!FieldPath.TryParse(_context.Config.Datasets[dataset].Text!, out var path, out _))
        {
            yield break;
        }

        foreach (var record in _context.ReadDataset(dataset, _cancellationToken))
        {
            if (path.ResolveText(record.Root) is { Length: > 0 } text)
            {
                var id = record.Id ?? "line " + record.Line.ToString(CultureInfo.InvariantCulture);
                yield return (id, text, record.File, record.Line);
            }
        }
    }

    private void ReportLeak(string golden, string training, LeakagePair pair, string match)
    {
        var severity = _context.Config.Rules.TryGetValue(RuleCatalog.GoldenLeakage, out var s)
            ? s : RuleCatalog.Get(RuleCatalog.GoldenLeakage).DefaultSeverity;
        Failed |= severity == Severity.Error;
        _context.Report(new Finding(RuleCatalog.GoldenLeakage, severity,
            $"Golden item '{pair.GoldenId}' of '{golden}' appears in training dataset '{training}' as record " +
            $"'{pair.TrainingId}', {match}. A model trained on its test items scores too well; remove the record " +
            "from the training data, or the item from the golden set.")
        {
            File = pair.File, Line = pair.Line, RecordId = pair.TrainingId, Dataset = training,
        });
    }

    private void Overconfidence()
    {
        var crowd = CrowdMajorities();
        foreach (var d in _datasets)
        {
            if (d.Slice(LabelSource.Llm) is not { Confidences.Count: > 0 } llm)
            {
                continue;
            }

            var judged = llm.Confidences
                .Select(c => (c.Confidence, Human: c.Review ?? crowd.GetValueOrDefault(c.Item), c.Label))
                .Where(c => c.Human is not null)
                .Select(c => (c.Confidence, HumanDisagrees: c.Human != c.Label))
                .ToList();
            var (overconfident, disagreements, share) =
                ConfidenceCalibration.OverconfidentShare(judged, _policy.OverconfidenceThreshold);
            if (disagreements > 0)
            {
                Add(new Metric(d.Dataset + ".overconfident-share", share)
                {
                    Count = disagreements, Threshold = _policy.MaxOverconfidentShare, ThresholdIsMaximum = true,
                    Passed = share <= _policy.MaxOverconfidentShare,
                });
            }

            if (disagreements > 0 && share > _policy.MaxOverconfidentShare)
            {
                Report(RuleCatalog.OverconfidentLlmLabels, d,
                    $"In '{d.Dataset}', {overconfident} of {disagreements} LLM labels that humans disagree with " +
                    $"have confidence ≥ {ReportFormat.Score(_policy.OverconfidenceThreshold)} " +
                    $"({ReportFormat.Score(share)}, above {ReportFormat.Score(_policy.MaxOverconfidentShare)}). " +
                    "Confidence cannot pick the labels " +
                    "to review; sample reviews at random, not by low confidence.");
            }

            Calibration(d, llm);
        }
    }

    private void Calibration(DatasetProvenance d, SourceSlice llm)
    {
        var reviewed = llm.Confidences.Where(c => c.Review is not null)
            .Select(c => (c.Confidence, Correct: c.Review == c.Label)).ToList();
        if (reviewed.Count < MinCalibrationItems)
        {
            return;
        }

        var calibration = ConfidenceCalibration.Evaluate(reviewed);
        if (calibration.ExpectedCalibrationError is not { } ece)
        {
            return;
        }

        Add(new Metric(d.Dataset + ".calibration-error", ece)
        {
            Count = calibration.Count, Threshold = _policy.MaxCalibrationError, ThresholdIsMaximum = true,
            Passed = ece <= _policy.MaxCalibrationError,
        });
        if (ece > _policy.MaxCalibrationError)
        {
            Report(RuleCatalog.OverconfidentLlmLabels, d,
                $"LLM confidences in '{d.Dataset}' have expected calibration error {ReportFormat.Score(ece)} on " +
                $"{calibration.Count} reviewed items, above {ReportFormat.Score(_policy.MaxCalibrationError)}. " +
                "Do not filter or weight labels by this confidence until it is recalibrated on reviewed items.");
        }
    }

    private Dictionary<string, string> CrowdMajorities()
    {
        var majorities = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in _datasets)
        {
            if (d.Slice(LabelSource.Crowd) is { Votes.Count: > 0 } crowd)
            {
                var votes = MajorityVote.Aggregate(crowd.Votes.Select(v => (v.Item, v.Label)), _context.CreateRandom());
                foreach (var vote in votes)
                {
                    if (!vote.IsTie)
                    {
                        majorities.TryAdd(vote.Item, vote.Label);
                    }
                }
            }
        }

        return majorities;
    }
}
