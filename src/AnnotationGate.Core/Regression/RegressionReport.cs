using System.Text.Json.Serialization;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Regression;

/// <summary>Decision on one metric compared with its baseline.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RegressionVerdict>))]
public enum RegressionVerdict
{
    /// <summary>The metric dropped by more than the tolerance and the drop is significant.</summary>
    Regression,

    /// <summary>The metric rose significantly.</summary>
    Improvement,

    /// <summary>The change is not significant at the configured level.</summary>
    NoSignificantChange,

    /// <summary>The drop is significant but no larger than the tolerance.</summary>
    WithinTolerance,

    /// <summary>The baseline cannot be compared (other items, metric undefined, check missing).</summary>
    NotComparable,
}

/// <summary>A slice of a golden set: the items whose field has a given value.</summary>
public sealed record SliceKey(string Field, string Value)
{
    public override string ToString() => $"{Field} = {Value}";
}

/// <summary>
/// One metric of one check, overall or on one slice, compared with its baseline. Numbers are null
/// where they are undefined, such as a metric that cannot be computed on the slice.
/// </summary>
public sealed record MetricComparison
{
    public required string CheckId { get; init; }

    /// <summary>Metric name, such as <c>accuracy</c> or <c>macro-f1</c>.</summary>
    public required string Metric { get; init; }

    /// <summary>The slice, or null for the whole golden set.</summary>
    public SliceKey? Slice { get; init; }

    /// <summary>Paired items behind the comparison.</summary>
    public int Items { get; init; }

    public double? Baseline { get; init; }

    public double? Current { get; init; }

    /// <summary>Current minus baseline.</summary>
    public double? Change { get; init; }

    /// <summary>Lower end of the interval for the change, at level 1 − alpha.</summary>
    public double? Lower { get; init; }

    /// <summary>Upper end of the interval for the change, at level 1 − alpha.</summary>
    public double? Upper { get; init; }

    /// <summary>Two-sided p-value of the test before adjustment.</summary>
    public double? PValue { get; init; }

    /// <summary>P-value after Holm's adjustment across every comparison of the report.</summary>
    public double? AdjustedPValue { get; init; }

    /// <summary>Test and interval used, such as "exact McNemar, Newcombe interval".</summary>
    public required string Test { get; init; }

    public RegressionVerdict Verdict { get; init; }

    /// <summary>Items right in the baseline and wrong now (accuracy only).</summary>
    public int? RightToWrong { get; init; }

    /// <summary>Items wrong in the baseline and right now (accuracy only).</summary>
    public int? WrongToRight { get; init; }

    /// <summary>Exact two-sided McNemar p-value (accuracy only), whether or not it decides.</summary>
    public double? ExactPValue { get; init; }

    /// <summary>McNemar mid-p value (accuracy only), whether or not it decides.</summary>
    public double? MidPValue { get; init; }

    /// <summary>Smallest accuracy drop detectable with the configured power (accuracy only).</summary>
    public double? MinimumDetectableDrop { get; init; }

    /// <summary>Why the comparison is not comparable, when it is not.</summary>
    public string? Note { get; init; }
}

/// <summary>One golden-set check compared with its baseline entry.</summary>
public sealed record CheckComparison
{
    public required string CheckId { get; init; }

    public string? Dataset { get; init; }

    /// <summary>False when the baseline entry is missing or was recorded on other items.</summary>
    public bool Comparable { get; init; }

    /// <summary>Why the check is not comparable.</summary>
    public string? Reason { get; init; }

    /// <summary>Paired items (present in both runs).</summary>
    public int Items { get; init; }

    public string? BaselineFingerprint { get; init; }

    public string? CurrentFingerprint { get; init; }

    /// <summary>Ids of items right in the baseline and wrong now, ordered by id (all of them).</summary>
    public IReadOnlyList<string> RightToWrong { get; init; } = [];

    /// <summary>Ids of items wrong in the baseline and right now, ordered by id (all of them).</summary>
    public IReadOnlyList<string> WrongToRight { get; init; } = [];

    public IReadOnlyList<MetricComparison> Metrics { get; init; } = [];

    /// <summary>Smallest overall accuracy drop the golden set detects with the configured power.</summary>
    public double? MinimumDetectableDrop { get; init; }

    /// <summary>Golden items needed to detect a drop equal to the tolerance.</summary>
    public int? ItemsForTolerance { get; init; }
}

/// <summary>
/// A gate result compared with its baseline: per check, metric and slice the change, its
/// interval, the test, the p-values and the verdict, plus the findings the comparison raised.
/// </summary>
public sealed record RegressionReport
{
    public required RegressionOptions Options { get; init; }

    /// <summary>Path of the baseline file as given, when known.</summary>
    public string? BaselinePath { get; init; }

    public required string BaselineToolVersion { get; init; }

    public DateTimeOffset BaselineCreatedAt { get; init; }

    /// <summary>True when the baseline was recorded with a gate file of other content; null when unknown.</summary>
    public bool? GateFileChanged { get; init; }

    /// <summary>Number of comparisons in the Holm family.</summary>
    public int Comparisons { get; init; }

    public IReadOnlyList<CheckComparison> Checks { get; init; } = [];

    /// <summary>Findings AG2010 to AG2016 raised by the comparison, at their default severities.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>True when at least one comparison is a regression.</summary>
    public bool HasRegression => Checks.Any(c => c.Metrics.Any(m => m.Verdict == RegressionVerdict.Regression));

    /// <summary>Renders the report as tables for the generic reporters, one per check.</summary>
    public IReadOnlyList<ResultTable> ToTables() => RegressionTables.Build(this);
}
