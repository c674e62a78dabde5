using System.Globalization;

namespace AnnotationGate.Core.Labels;

/// <summary>
/// The rule by which two labels are the same. A label is its text with surrounding whitespace
/// removed; empty text is no label. Text that parses as a finite number (invariant culture) is
/// written in its shortest round-trip form, so <c>1</c>, <c>1.0</c>, <c> 1 </c> and <c>1e0</c> are
/// one label whether they come from a JSON number or a CSV cell. Every other label compares
/// ordinally and case-sensitively: <c>Yes</c> and <c>yes</c> are two labels.
/// </summary>
public static class LabelValue
{
    /// <summary>Returns the canonical form of a label, or null when it is missing or blank.</summary>
    public static string? Normalize(string? raw)
    {
        if (raw is null)
        {
            return null;
        }

        var text = raw.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        // NOTE: numbers go through double, so integers beyond 2^53 written as labels may merge.
        return TryParseNumber(text, out var number) ? FormatNumber(number) : text;
    }

    /// <summary>Parses a label as a finite number in the invariant culture.</summary>
    public static bool TryParseNumber(string label, out double value) =>
        double.TryParse(label, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>
    /// Orders labels: by numeric value when every label parses as a number, else ordinally.
    /// </summary>
    public static IReadOnlyList<string> Order(IEnumerable<string> labels)
    {
        var distinct = labels.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.TrueForAll(label => TryParseNumber(label, out _)))
        {
            return [.. distinct.OrderBy(ParseNumber).ThenBy(label => label, StringComparer.Ordinal)];
        }

        return [.. distinct.Order(StringComparer.Ordinal)];
    }

    private static double ParseNumber(string label) => TryParseNumber(label, out var value) ? value : double.NaN;

    private static string FormatNumber(double value) =>
        value == 0 ? "0" : value.ToString("R", CultureInfo.InvariantCulture);
}
