using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;
using AnnotationGate.Core.Statistics.Regression;

namespace AnnotationGate.Core.Regression;

/// <summary>
/// Compares a gate result with its baseline, item by item on the same golden items. The exact
/// McNemar test on the items whose outcome changed decides accuracy, with Newcombe's interval.
/// A seeded paired bootstrap decides the other metrics (macro, micro and weighted F1, per-class
/// precision, recall and F1). Every p-value is Holm-adjusted across all checks, metrics and
/// slices. A metric regresses only when its drop exceeds the tolerance and the adjusted p-value
/// is below alpha.
/// </summary>
public static class RegressionComparer
{
    internal const double ToleranceSlack = 1e-9;

    /// <summary>
    /// Compares <paramref name="current"/> with <paramref name="baseline"/>. Pass the gate file's
    /// SHA-256 to report whether it changed since the baseline, and the baseline path as the gate
    /// file names it to place incompatibility findings.
    /// </summary>
    public static RegressionReport Compare(
        BaselineFile baseline,
        GateResult current,
        RegressionOptions options,
        string? gateFileSha256 = null,
        string? baselinePath = null)
    {
        var findings = new List<Finding>();
        var drafts = new List<CheckDraft>();
        foreach (var check in current.Checks.Where(BaselineFile.IsGolden))
        {
            drafts.Add(CompareCheck(baseline.FindCheck(check.Id), check, options, baselinePath, findings));
        }

        foreach (var missing in baseline.Checks.Where(c => c.Items.Count > 0 && !HasCheck(current, c.Id)))
        {
            drafts.Add(CheckDraft.NotComparable(missing.Id, missing.Dataset, RegressionText.CheckGone(missing.Id)));
            findings.Add(RegressionText.CheckWithoutCounterpart(missing.Id, missing.Dataset, inBaseline: true, baselinePath));
        }

        var checks = Decide(drafts, options, findings);
        return new RegressionReport
        {
            Options = options,
            BaselinePath = baselinePath,
            BaselineToolVersion = baseline.ToolVersion,
            BaselineCreatedAt = baseline.CreatedAt,
            GateFileChanged = gateFileSha256 is null
                ? null
                : !string.Equals(gateFileSha256, baseline.GateFileSha256, StringComparison.OrdinalIgnoreCase),
            Comparisons = checks.Sum(c => c.Metrics.Count(m => m.PValue is not null)),
            Checks = checks,
            Findings = findings,
        };
    }

    private static bool HasCheck(GateResult result, string id) =>
        result.Checks.Any(c => string.Equals(c.Id, id, StringComparison.Ordinal));

    private static CheckDraft CompareCheck(
        BaselineCheck? baseline,
        CheckResult current,
        RegressionOptions options,
        string? baselinePath,
        List<Finding> findings)
    {
        if (baseline is null)
        {
            findings.Add(RegressionText.CheckWithoutCounterpart(current.Id, current.Dataset, inBaseline: false));
            return CheckDraft.NotComparable(current.Id, current.Dataset, RegressionText.CheckNew(current.Id));
        }

        if (current.ItemOutcomes.Count == 0)
        {
            return CheckDraft.NotComparable(current.Id, current.Dataset, RegressionText.NoOutcomes(current.Id));
        }

        string currentFingerprint = GoldenFingerprint.Compute(current.ItemOutcomes);
        // Recomputed from the stored items, so a hand-edited baseline cannot claim another golden set.
        string baselineFingerprint = GoldenFingerprint.Compute(baseline.Items);
        if (!string.Equals(currentFingerprint, baselineFingerprint, StringComparison.Ordinal))
        {
            string reason = RegressionText.Incompatible(current.Id, baseline.Items, current.ItemOutcomes);
            findings.Add(new Finding(RuleCatalog.BaselineIncompatible, Severity.Error, reason)
            {
                File = baselinePath,
                Check = current.Id,
                Dataset = current.Dataset,
            });
            return CheckDraft.NotComparable(current.Id, current.Dataset, reason) with
            {
                BaselineFingerprint = baselineFingerprint,
                CurrentFingerprint = currentFingerprint,
            };
        }

        var sample = PairedSample.Create(baseline.Items, current.ItemOutcomes);
        return CompareSample(current, MetricsToCompare(current), sample, options) with
        {
            BaselineFingerprint = baselineFingerprint,
            CurrentFingerprint = currentFingerprint,
        };
    }

    // Accuracy and macro F1 always; other metrics the check reports with a threshold, when they
    // can be recomputed from item outcomes.
    private static List<ClassificationMetric> MetricsToCompare(CheckResult current)
    {
        var names = new List<string> { "accuracy", "macro-f1" };
        names.AddRange(current.Metrics.Where(m => m.Threshold is not null).Select(m => m.Name));
        return [.. names
            .Distinct(StringComparer.Ordinal)
            .Select(ClassificationMetric.TryParse)
            .OfType<ClassificationMetric>()];
    }

    private static CheckDraft CompareSample(
        CheckResult current, List<ClassificationMetric> metrics, PairedSample sample, RegressionOptions options)
    {
        var rows = new List<MetricComparison>();
        foreach (var metric in metrics)
        {
            rows.Add(CompareMetric(current.Id, metric, null, sample, options));
        }

        foreach (var (slice, members) in Slices(current.ItemOutcomes, sample))
        {
            var subset = sample.Subset(members);
            rows.AddRange(metrics.Select(metric => CompareMetric(current.Id, metric, slice, subset, options)));
        }

        var overall = rows[0];
        return new CheckDraft(current.Id, current.Dataset, true, null)
        {
            Items = sample.Count,
            Rows = rows,
            RightToWrong = [.. Enumerable.Range(0, sample.Count)
                .Where(r => sample.BaselineCorrect(r) && !sample.CurrentCorrect(r)).Select(r => sample.Ids[r])],
            WrongToRight = [.. Enumerable.Range(0, sample.Count)
                .Where(r => !sample.BaselineCorrect(r) && sample.CurrentCorrect(r)).Select(r => sample.Ids[r])],
            MinimumDetectableDrop = overall.MinimumDetectableDrop,
            ItemsForTolerance = options.Tolerance > 0 && options.Tolerance < 1
                ? PairedAccuracyPower.RequiredItems(options.Tolerance, options.Alpha, options.Power)
                : null,
        };
    }

    private static IEnumerable<(SliceKey Slice, List<int> Rows)> Slices(
        IReadOnlyList<ItemOutcome> items, PairedSample sample)
    {
        var slicesById = items
            .Where(i => i.Slices is not null)
            .GroupBy(i => i.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Slices!, StringComparer.Ordinal);
        var fields = slicesById.Values
            .SelectMany(s => s.Keys)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (string field in fields)
        {
            var groups = Enumerable.Range(0, sample.Count)
                .Select(row => (Row: row, Value: SliceValue(slicesById, sample.Ids[row], field)))
                .Where(x => x.Value is not null)
                .GroupBy(x => x.Value!, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (var group in groups)
            {
                yield return (new SliceKey(field, group.Key), group.Select(x => x.Row).ToList());
            }
        }
    }

    private static string? SliceValue(
        Dictionary<string, IReadOnlyDictionary<string, string>> slicesById, string id, string field) =>
        slicesById.GetValueOrDefault(id)?.GetValueOrDefault(field);

    private static MetricComparison CompareMetric(
        string checkId, ClassificationMetric metric, SliceKey? slice, PairedSample sample, RegressionOptions options)
    {
        return metric.IsAccuracy
            ? CompareAccuracy(checkId, slice, sample, options)
            : CompareByBootstrap(checkId, metric, slice, sample, options);
    }

    private static MetricComparison CompareAccuracy(
        string checkId, SliceKey? slice, PairedSample sample, RegressionOptions options)
    {
        // Cells of the paired 2x2 table, indexed by (right before) * 2 + (right now).
        int[] cells = new int[4];
        for (int row = 0; row < sample.Count; row++)
        {
            cells[((sample.BaselineCorrect(row) ? 1 : 0) * 2) + (sample.CurrentCorrect(row) ? 1 : 0)]++;
        }

        (int bothWrong, int wrongToRight, int rightToWrong, int bothRight) = (cells[0], cells[1], cells[2], cells[3]);

        var test = McNemarTest.Test(rightToWrong, wrongToRight);
        var interval = PairedProportionInterval.Newcombe(
            bothRight, rightToWrong, wrongToRight, bothWrong, options.Confidence);
        int n = sample.Count;
        double baseline = n == 0 ? double.NaN : (double)(bothRight + rightToWrong) / n;
        bool midP = options.McNemar == McNemarVariant.MidP;
        double p = midP ? test.MidPValue : test.ExactPValue;
        return new MetricComparison
        {
            CheckId = checkId,
            Metric = "accuracy",
            Slice = slice,
            Items = n,
            Baseline = OrNull(baseline),
            Current = n == 0 ? null : (double)(bothRight + wrongToRight) / n,
            Change = n == 0 ? null : (double)(wrongToRight - rightToWrong) / n,
            Lower = n == 0 ? null : interval.Lower,
            Upper = n == 0 ? null : interval.Upper,
            PValue = n == 0 ? null : p,
            Test = midP ? "exact McNemar (mid-p), Newcombe interval" : "exact McNemar, Newcombe interval",
            RightToWrong = rightToWrong,
            WrongToRight = wrongToRight,
            ExactPValue = test.ExactPValue,
            MidPValue = test.MidPValue,
            MinimumDetectableDrop = n == 0
                ? null
                : PairedAccuracyPower.MinimumDetectableDrop(n, baseline, options.Alpha, options.Power),
            Note = n == 0 ? "No paired items." : null,
        };
    }

    private static MetricComparison CompareByBootstrap(
        string checkId, ClassificationMetric metric, SliceKey? slice, PairedSample sample, RegressionOptions options)
    {
        string test = $"paired bootstrap, {options.Resamples} resamples, percentile interval";
        var groups = sample.Group();
        int[] sizes = groups.Sizes();
        double baseline = metric.Evaluate(groups.Expected, groups.Baseline, sizes, sample.Classes);
        double current = metric.Evaluate(groups.Expected, groups.Current, sizes, sample.Classes);
        var comparison = new MetricComparison
        {
            CheckId = checkId,
            Metric = metric.Name,
            Slice = slice,
            Items = sample.Count,
            Baseline = OrNull(baseline),
            Current = OrNull(current),
            Change = OrNull(current - baseline),
            Test = test,
        };
        if (double.IsNaN(baseline) || double.IsNaN(current))
        {
            return comparison with { Note = $"The metric {metric.Name} is undefined on these items." };
        }

        var random = new Xoshiro256Random(DeriveSeed(options.Seed, checkId, metric.Name, slice));
        var result = PairedBootstrap.Run(
            groups.GroupOfRow,
            groups.Count,
            weights => metric.Evaluate(groups.Expected, groups.Baseline, weights, sample.Classes),
            weights => metric.Evaluate(groups.Expected, groups.Current, weights, sample.Classes),
            options.Resamples,
            options.Confidence,
            random);
        return comparison with
        {
            Lower = OrNull(result.Lower),
            Upper = OrNull(result.Upper),
            PValue = OrNull(result.PValue),
        };
    }

    // FNV-1a over the comparison's key, mixed with the seed, so each comparison draws its own
    // reproducible stream however many comparisons precede it.
    private static int DeriveSeed(int seed, string checkId, string metric, SliceKey? slice)
    {
        uint hash = 2166136261;
        foreach (char c in $"{checkId}\u001f{metric}\u001f{slice?.Field}\u001f{slice?.Value}")
        {
            hash = (hash ^ c) * 16777619;
        }

        return (int)(hash ^ (uint)seed) & int.MaxValue;
    }

    private static List<CheckComparison> Decide(
        List<CheckDraft> drafts, RegressionOptions options, List<Finding> findings)
    {
        var rows = drafts.SelectMany(d => d.Rows).ToList();
        double[] adjusted = HolmAdjustment.Adjust([.. rows.Select(r => r.PValue ?? double.NaN)]);
        var decided = rows
            .Select((row, i) => Judge(row with { AdjustedPValue = OrNull(adjusted[i]) }, options))
            .ToList();
        var checks = new List<CheckComparison>();
        int offset = 0;
        foreach (var draft in drafts)
        {
            var mine = decided.GetRange(offset, draft.Rows.Count);
            offset += draft.Rows.Count;
            var check = draft.ToComparison(mine);
            checks.Add(check);
            findings.AddRange(RegressionText.Findings(check, options));
        }

        return checks;
    }

    private static MetricComparison Judge(MetricComparison row, RegressionOptions options)
    {
        if (row.AdjustedPValue is not { } adjusted || row.Change is not { } change)
        {
            return row with { Verdict = RegressionVerdict.NotComparable };
        }

        bool significant = adjusted < options.Alpha;
        double drop = -change;
        var verdict = (significant, change) switch
        {
            (true, < 0) when drop > options.Tolerance + ToleranceSlack => RegressionVerdict.Regression,
            (true, < 0) => RegressionVerdict.WithinTolerance,
            (true, > 0) => RegressionVerdict.Improvement,
            _ => RegressionVerdict.NoSignificantChange,
        };
        return row with { Verdict = verdict };
    }

    private static double? OrNull(double value) => double.IsNaN(value) ? null : value;

    private sealed record CheckDraft(string CheckId, string? Dataset, bool Comparable, string? Reason)
    {
        public int Items { get; init; }

        public List<MetricComparison> Rows { get; init; } = [];

        public IReadOnlyList<string> RightToWrong { get; init; } = [];

        public IReadOnlyList<string> WrongToRight { get; init; } = [];

        public string? BaselineFingerprint { get; init; }

        public string? CurrentFingerprint { get; init; }

        public double? MinimumDetectableDrop { get; init; }

        public int? ItemsForTolerance { get; init; }

        public static CheckDraft NotComparable(string id, string? dataset, string reason) =>
            new(id, dataset, false, reason);

        public CheckComparison ToComparison(IReadOnlyList<MetricComparison> metrics) => new()
        {
            CheckId = CheckId,
            Dataset = Dataset,
            Comparable = Comparable,
            Reason = Reason,
            Items = Items,
            BaselineFingerprint = BaselineFingerprint,
            CurrentFingerprint = CurrentFingerprint,
            RightToWrong = RightToWrong,
            WrongToRight = WrongToRight,
            Metrics = metrics,
            MinimumDetectableDrop = MinimumDetectableDrop,
            ItemsForTolerance = ItemsForTolerance,
        };
    }
}
