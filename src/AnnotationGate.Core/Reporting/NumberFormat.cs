using System.Globalization;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Reporting;

/// <summary>
/// Formats numbers for reports: invariant culture, a fixed number of decimals, intervals as
/// <c>0.842 [0.801, 0.877]</c>, so every reporter prints the same text for the same value.
/// Every method rounds the same way (see <see cref="Fixed"/>): half away from zero on the shortest
/// decimal text of the value, so 0.9275 prints as 0.928 and 0.0005 as 0.001.
/// </summary>
public static class NumberFormat
{
    /// <summary>Decimals used for metric values, bounds and thresholds unless a caller asks otherwise.</summary>
    public const int DefaultDecimals = 3;

    /// <summary>Maximum decimals <see cref="Fixed"/> prints, because a double carries about 15 significant digits.</summary>
    public const int MaxDecimals = 15;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// Formats a value with a fixed number of decimals (default 3, at most 15). The value is
    /// rounded half away from zero on its shortest round-trip decimal text, the digits a user
    /// reads in the data: 0.9275 gives 0.928 although the nearest double is slightly below
    /// 0.9275, where <c>ToString("F3")</c> gives 0.927. A negative value that rounds to zero loses
    /// its minus sign. NaN and infinities print as <c>NaN</c>, <c>∞</c> and <c>-∞</c>.
    /// </summary>
    public static string Fixed(double value, int decimals = DefaultDecimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, MaxDecimals);
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "-∞";
        }

        var format = "F" + decimals.ToString(Invariant);
        var text = decimal.TryParse(value.ToString("R", Invariant), NumberStyles.Float, Invariant, out var exact)
            ? Math.Round(exact, decimals, MidpointRounding.AwayFromZero).ToString(format, Invariant)
            // Beyond decimal's range (about 7.9e28) the digits after the point no longer matter.
            : value.ToString(format, Invariant);
        return IsNegativeZero(text) ? text[1..] : text;
    }

    /// <summary>
    /// Formats a value with between <paramref name="minDecimals"/> and <paramref name="maxDecimals"/>
    /// decimals, rounded as <see cref="Fixed"/> rounds, and trailing zeros cut down to the minimum:
    /// <c>Trimmed(0.05, 1, 4)</c> gives <c>0.05</c> and <c>Trimmed(0.1, 1, 4)</c> gives <c>0.1</c>.
    /// </summary>
    public static string Trimmed(double value, int minDecimals, int maxDecimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minDecimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minDecimals, maxDecimals);
        var text = Fixed(value, maxDecimals);
        var point = text.IndexOf('.', StringComparison.Ordinal);
        if (point < 0)
        {
            return text;
        }

        var end = text.Length;
        while (end > point + 1 + minDecimals && text[end - 1] == '0')
        {
            end--;
        }

        return text[end - 1] == '.' ? text[..(end - 1)] : text[..end];
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

        return (metric.IsCount || IsCount(metric.Value)) && metric.Lower is null
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
