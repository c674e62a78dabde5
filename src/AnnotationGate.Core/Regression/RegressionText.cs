using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;
using static AnnotationGate.Core.Regression.RegressionFormat;

namespace AnnotationGate.Core.Regression;

/// <summary>Messages and findings of a baseline comparison.</summary>
internal static class RegressionText
{
    private const int ShownIncompatibleIds = 5;

    public static string CheckGone(string id) =>
        $"The baseline has an entry for check '{id}', but this run has no such check.";

    public static string CheckNew(string id) =>
        $"Check '{id}' has no entry in the baseline, so it was not compared.";

    public static string NoOutcomes(string id) =>
        $"Check '{id}' produced no item outcomes in this run, so it was not compared with the baseline.";

    /// <summary>
    /// Builds AG2016 for a check on one side only. A check only in the baseline has no entry in the
    /// gate file, so the finding points at <paramref name="baselinePath"/> instead.
    /// </summary>
    public static Finding CheckWithoutCounterpart(string id, string? dataset, bool inBaseline, string? baselinePath = null)
    {
        string message = inBaseline
            ? $"{CheckGone(id)} Record a new baseline with 'annotationgate baseline' "
                + "if the check was removed on purpose."
            : $"{CheckNew(id)} Record a new baseline with 'annotationgate baseline' to compare it from now on.";
        return new Finding(RuleCatalog.CheckWithoutBaseline, Severity.Notice, message)
        {
            Check = id,
            Dataset = dataset,
            File = inBaseline ? baselinePath : null,
        };
    }

    public static string Incompatible(
        string id, IReadOnlyList<ItemOutcome> baseline, IReadOnlyList<ItemOutcome> current)
    {
        var before = ById(baseline);
        var now = ById(current);
        var missing = before.Keys.Where(k => !now.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var added = now.Keys.Where(k => !before.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var relabelled = now.Keys
            .Where(k => before.TryGetValue(k, out string? label)
                && !string.Equals(label, now[k], StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var parts = new List<string>();
        if (missing.Count > 0)
        {
            parts.Add($"{missing.Count} baseline item(s) are missing from this run "
                + $"({Ids(missing, ShownIncompatibleIds)})");
        }

        if (added.Count > 0)
        {
            parts.Add($"{added.Count} item(s) are not in the baseline ({Ids(added, ShownIncompatibleIds)})");
        }

        if (relabelled.Count > 0)
        {
            parts.Add($"{relabelled.Count} item(s) have another expected label "
                + $"({Ids(relabelled, ShownIncompatibleIds)})");
        }

        string detail = parts.Count == 0 ? "the golden fingerprints differ" : string.Join("; ", parts);
        return $"The baseline of check '{id}' was recorded on another golden set, so it was not compared: {detail}. "
            + "Once the golden set change is accepted, record a new baseline with 'annotationgate baseline'.";
    }

    public static IEnumerable<Finding> Findings(CheckComparison check, RegressionOptions options)
    {
        foreach (var row in check.Metrics)
        {
            if (row.Verdict == RegressionVerdict.Regression)
            {
                yield return Regression(check, row, options);
            }
            else if (row.Change < 0 && -row.Change > options.Tolerance + RegressionComparer.ToleranceSlack
                && row.Verdict == RegressionVerdict.NoSignificantChange)
            {
                yield return Noise(check, row, options);
            }
        }

        var notice = DetectableDropNotice(check, options);
        if (notice is not null)
        {
            yield return notice;
        }

        var sliceNotice = SliceDetectableDropNotice(check, options);
        if (sliceNotice is not null)
        {
            yield return sliceNotice;
        }
    }

    private static Finding Regression(CheckComparison check, MetricComparison row, RegressionOptions options)
    {
        string message = $"{Subject(row)} dropped from {Value(row.Baseline)} to {Value(row.Current)} "
            + $"(change {Change(row.Change)}, {Percent(options.Confidence)}% interval "
            + $"{Value(row.Lower)} to {Value(row.Upper)}), "
            + $"beyond the tolerance of {Value(options.Tolerance)}; {row.Test}: p = {PValue(row.PValue)}, "
            + $"Holm-adjusted {PValue(row.AdjustedPValue)}.";
        if (row.Metric == "accuracy" && row.Slice is null && check.RightToWrong.Count > 0)
        {
            message += " Items that flipped from right to wrong: "
                + $"{Ids(check.RightToWrong, options.FlippedItemsShown)}.";
        }

        message += " Fix the regression, or record a new baseline with 'annotationgate baseline' "
            + "if the drop is accepted.";
        return new Finding(RuleCatalog.SignificantRegression, Severity.Error, message)
        {
            Check = check.CheckId,
            Dataset = check.Dataset,
        };
    }

    private static Finding Noise(CheckComparison check, MetricComparison row, RegressionOptions options)
    {
        string message = $"{Subject(row)} dropped from {Value(row.Baseline)} to {Value(row.Current)} "
            + $"(change {Change(row.Change)}), beyond the tolerance of {Value(options.Tolerance)}, but the drop is "
            + $"not significant ({row.Test}: Holm-adjusted p = {PValue(row.AdjustedPValue)}, "
            + $"alpha {Level(options.Alpha)}). "
            + "It may be noise; more golden items would tell.";
        return new Finding(RuleCatalog.DropWithinNoise, Severity.Notice, message)
        {
            Check = check.CheckId,
            Dataset = check.Dataset,
        };
    }

    private static Finding? DetectableDropNotice(CheckComparison check, RegressionOptions options)
    {
        if (!check.Comparable || check.ItemsForTolerance is null)
        {
            return null;
        }

        double? drop = check.MinimumDetectableDrop;
        if (drop is not null && drop <= options.Tolerance)
        {
            return null;
        }

        string sees = drop is null
            ? "it cannot detect any accuracy drop at all"
            : $"at alpha {Level(options.Alpha)} with {Percent(options.Power)}% power it detects drops of "
                + $"about {Points(drop.Value)} points";
        string message = $"With {check.Items} golden items, check '{check.CheckId}' cannot see a "
            + $"{Points(options.Tolerance)}-point accuracy drop (the tolerance): {sees}. "
            + $"It needs about {check.ItemsForTolerance} items; add golden items or raise the tolerance.";
        return new Finding(RuleCatalog.ToleranceBelowDetectableDrop, Severity.Notice, message)
        {
            Check = check.CheckId,
            Dataset = check.Dataset,
        };
    }

    private static Finding? SliceDetectableDropNotice(CheckComparison check, RegressionOptions options)
    {
        if (!check.Comparable || check.ItemsForTolerance is null)
        {
            return null;
        }

        var blind = check.Metrics
            .Where(m => m.Metric == "accuracy" && m.Slice is not null)
            .Where(m => m.MinimumDetectableDrop is not { } drop || drop > options.Tolerance)
            .ToList();
        if (blind.Count == 0)
        {
            return null;
        }

        var listed = blind.Take(ShownIncompatibleIds).Select(m => m.MinimumDetectableDrop is { } drop
            ? $"{m.Slice} ({m.Items} items, about {Points(drop)} points)"
            : $"{m.Slice} ({m.Items} items, no drop detectable)");
        string more = blind.Count > ShownIncompatibleIds ? $" and {blind.Count - ShownIncompatibleIds} more" : "";
        string message = $"In check '{check.CheckId}', {blind.Count} slice(s) are too small to see a "
            + $"{Points(options.Tolerance)}-point accuracy drop (the tolerance) with {Percent(options.Power)}% power: "
            + $"{string.Join(", ", listed)}{more}. Each slice needs about {check.ItemsForTolerance} items; "
            + "read regressions on these slices as large drops only.";
        return new Finding(RuleCatalog.ToleranceBelowDetectableDrop, Severity.Notice, message)
        {
            Check = check.CheckId,
            Dataset = check.Dataset,
        };
    }

    private static string Subject(MetricComparison row) => row.Slice is null
        ? $"In check '{row.CheckId}', {row.Metric}"
        : $"In check '{row.CheckId}', slice {row.Slice}, {row.Metric}";

    private static Dictionary<string, string> ById(IReadOnlyList<ItemOutcome> items)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            map.TryAdd(item.Id, item.Expected);
        }

        return map;
    }
}
