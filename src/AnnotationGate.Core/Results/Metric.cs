namespace AnnotationGate.Core.Results;

/// <summary>
/// A named number from a check, with an optional confidence interval and the threshold it was
/// compared against.
/// </summary>
public sealed record Metric(string Name, double Value)
{
    /// <summary>Id of the check that computed it.</summary>
    public string? Check { get; init; }

    /// <summary>Lower bound of the 95% interval, when one is computed.</summary>
    public double? Lower { get; init; }

    /// <summary>Upper bound of the 95% interval, when one is computed.</summary>
    public double? Upper { get; init; }

    /// <summary>Number of items behind the value (the denominator), when it has one.</summary>
    public long? Count { get; init; }

    /// <summary>Minimum (or maximum, see <see cref="ThresholdIsMaximum"/>) the gate file sets.</summary>
    public double? Threshold { get; init; }

    public bool ThresholdIsMaximum { get; init; }

    /// <summary>Whether the value meets its threshold; null when there is no threshold.</summary>
    public bool? Passed { get; init; }

    /// <summary>False for a statistic that is undefined on this data (for example kappa when all ratings agree).</summary>
    public bool Defined { get; init; } = true;

    /// <summary>Why the value is undefined, when <see cref="Defined"/> is false.</summary>
    public string? Note { get; init; }

    /// <summary>True for a count of things, which reports print without decimals even when it is 0 or 1.</summary>
    public bool IsCount { get; init; }
}
