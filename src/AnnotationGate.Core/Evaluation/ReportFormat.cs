using System.Globalization;
using AnnotationGate.Core.Reporting;
using AnnotationGate.Core.Statistics;

namespace AnnotationGate.Core.Evaluation;

/// <summary>
/// Invariant-culture formatting of scores for findings and report tables, rounded by
/// <see cref="NumberFormat.Fixed"/> like every other number in a report.
/// </summary>
internal static class ReportFormat
{
    /// <summary>Formats a score with three decimals, such as <c>0.842</c>.</summary>
    public static string Score(double value) => NumberFormat.Fixed(value, 3);

    /// <summary>Formats a chance-corrected agreement (kappa, alpha) with four decimals, as published figures are given.</summary>
    public static string Agreement(double? value) => value is { } v ? NumberFormat.Fixed(v, 4) : "n/a";

    /// <summary>Formats a score that may be undefined; undefined prints as <c>n/a</c>.</summary>
    public static string Score(double? value) => value is { } v ? Score(v) : "n/a";

    /// <summary>Formats an interval as <c>[0.800, 0.880]</c>.</summary>
    public static string Interval(ProportionInterval interval) => $"[{Score(interval.Lower)}, {Score(interval.Upper)}]";

    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a mean with two decimals, such as <c>9.75</c>.</summary>
    public static string Mean(double value) => NumberFormat.Fixed(value, 2);
}
