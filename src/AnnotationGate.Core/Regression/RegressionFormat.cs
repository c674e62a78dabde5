using AnnotationGate.Core.Reporting;

namespace AnnotationGate.Core.Regression;

/// <summary>
/// Fixed-decimal, invariant-culture formatting of comparison numbers, so that every report
/// prints the same text and never a raw double such as 7.000000000000001. Rounding is
/// <see cref="NumberFormat.Fixed"/>'s, as in every other report table.
/// </summary>
public static class RegressionFormat
{
    /// <summary>Formats a metric value with three decimals, or "n/a" when undefined.</summary>
    public static string Value(double? value) =>
        value is not { } number || double.IsNaN(number) ? "n/a" : NumberFormat.Fixed(number, 3);

    /// <summary>Formats a change with an explicit sign and three decimals: "+0.020", "-0.200", "0.000".</summary>
    public static string Change(double? change)
    {
        if (change is not { } number || double.IsNaN(number))
        {
            return "n/a";
        }

        string text = NumberFormat.Fixed(number, 3);
        return text.StartsWith('-') || text == "0.000" ? text : "+" + text;
    }

    /// <summary>Formats a change with its interval: "-0.200 [-0.312, -0.095]", "+0.020 [-0.010, 0.051]".</summary>
    public static string ChangeWithInterval(double? change, double? lower, double? upper) =>
        lower is null || upper is null
            ? Change(change)
            : $"{Change(change)} [{Value(lower)}, {Value(upper)}]";

    /// <summary>Formats a p-value with four decimals, or "&lt; 0.0001" below that.</summary>
    public static string PValue(double? p)
    {
        if (p is not { } number || double.IsNaN(number))
        {
            return "n/a";
        }

        return number < 0.0001 ? "< 0.0001" : NumberFormat.Fixed(number, 4);
    }

    /// <summary>Formats a significance level with the decimals it needs: 0.05 → "0.05", 0.1 → "0.1".</summary>
    public static string Level(double level) => NumberFormat.Trimmed(level, 1, 4);

    /// <summary>Formats a share (0 to 1) as percentage points with one decimal: 0.02 → "2.0".</summary>
    public static string Points(double share) => NumberFormat.Fixed(share * 100, 1);

    /// <summary>Formats a confidence level as a whole percentage when it is one: 0.95 → "95".</summary>
    public static string Percent(double level) => NumberFormat.Trimmed(level * 100, 0, 2);

    /// <summary>Lists the first ids, quoted, with "and N more" for the rest.</summary>
    public static string Ids(IReadOnlyList<string> ids, int limit)
    {
        string listed = string.Join(", ", ids.Take(limit).Select(id => $"'{id}'"));
        return ids.Count > limit ? $"{listed} and {ids.Count - limit} more" : listed;
    }
}
