using System.Globalization;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Reporting;

/// <summary>
/// Formats numbers for reports: invariant culture, a fixed number of decimals, intervals as
/// <c>0.842 [0.801, 0.877]</c>, so every reporter prints the same text for the same value.
/// </summary>
public static class NumberFormat
{
    /// <summary>Decimals used for metric values, bounds and thresholds unless a caller asks otherwise.</summary>
    public const int DefaultDecimals = 3;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// Formats a value with a fixed number of decimals (default 3). A negative value that rounds to
    /// zero loses its minus sign. NaN and infinities print as <c>NaN</c>, <c>∞</c> and <c>-∞</c>.
    /// </summary>
    public static string Fixed(double value, int decimals = DefaultDecimals)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "-∞";
        }

        var text = value.ToString("F" + decimals.ToString(Invariant), Invariant);
        return IsNegativeZero(text) ? text[1..] : text;
    }

    /// <summary>
    /// Formats a value with its interval, as <c>0.842 [0.801, 0.877]</c>. The bounds are left out when
    /// either is missing.
    /// </summary>
    public static string Interval(double value, double? lower, double? upper, int decimals = DefaultDecimals)
    {
        var text = Fixed(value, decimals);
        if (lower is null || upper is null)
        {
            return text;
        }

        return $"{text} [{Fixed(lower.Value, decimals)}, {Fixed(upper.Value, decimals)}]";
    }

    /// <summary>Formats a fraction as a percentage, one decimal by default: 0.8421 gives <c>84.2%</c>.</summary>
    public static string Percent(double fraction, int decimals = 1) => Fixed(fraction * 100, decimals) + "%";

    /// <summary>Formats a count with thousands separators: <c>12,345</c>.</summary>
    public static string Count(long count) => count.ToString("N0", Invariant);

    /// <summary>Formats an integer without separators, for line and column numbers.</summary>
    public static string Integer(long value) => value.ToString(Invariant);

    /// <summary>
    /// Formats a metric's value with its interval, or <c>undefined (reason)</c> when the statistic is
    /// undefined on the data.
    /// </summary>
    public static string Value(Metric metric, int decimals = DefaultDecimals)
    {
        if (!metric.Defined)
        {
            return string.IsNullOrWhiteSpace(metric.Note) ? "undefined" : $"undefined ({Reason(metric.Note)})";
        }

        return IsCount(metric.Value) && metric.Lower is null
            ? Integer((long)metric.Value)
            : Interval(metric.Value, metric.Lower, metric.Upper, decimals);
    }

    /// <summary>
    /// True for a whole number of at least 2, such as a count of items or a length in tokens. Rates
    /// and scores (0 to 1) keep their fixed decimals, so 1.000 never prints as 1.
    /// </summary>
    private static bool IsCount(double value) => Math.Abs(value) >= 2 && value == Math.Floor(value) && Math.Abs(value) < 1e15;

    /// <summary>Formats a metric's threshold as <c>≥ 0.800</c> or <c>≤ 0.100</c>; empty when it has none.</summary>
    public static string Threshold(Metric metric, int decimals = DefaultDecimals)
    {
        if (metric.Threshold is not { } threshold)
        {
            return string.Empty;
        }

        return (metric.ThresholdIsMaximum ? "≤ " : "≥ ") + (IsCount(threshold) ? Integer((long)threshold) : Fixed(threshold, decimals));
    }

    /// <summary>Formats whether a metric met its threshold: <c>pass</c>, <c>fail</c>, or empty.</summary>
    public static string Outcome(Metric metric) => metric.Passed switch
    {
        true => "pass",
        false => "fail",
        null => string.Empty,
    };

    /// <summary>Formats a duration in seconds with two decimals: <c>1.25 s</c>.</summary>
    public static string Seconds(TimeSpan duration) => Fixed(duration.TotalSeconds, 2) + " s";

    // "All ratings agree." reads as "undefined (all ratings agree)"; "ID field missing" keeps its capitals.
    private static string Reason(string note)
    {
        var text = note.Trim().TrimEnd('.');
        return text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1])
            ? char.ToLowerInvariant(text[0]) + text[1..]
            : text;
    }

    private static bool IsNegativeZero(string text) => text.StartsWith('-') && text.AsSpan(1).Trim("0.").IsEmpty;
}
