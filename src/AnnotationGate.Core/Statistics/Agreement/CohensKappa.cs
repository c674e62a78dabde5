using System.Globalization;
using AnnotationGate.Core.Labels;

namespace AnnotationGate.Core.Statistics.Agreement;

/// <summary>Weights of a weighted kappa: how much a disagreement between two categories counts.</summary>
public enum KappaWeights
{
    /// <summary>Every disagreement counts fully (Cohen's original, nominal kappa).</summary>
    None,

    /// <summary>Disagreement grows with the distance between category positions: |i - j| / (k - 1).</summary>
    Linear,

    /// <summary>Disagreement grows with the squared distance: ((i - j) / (k - 1))^2.</summary>
    Quadratic,
}

/// <summary>
/// Cohen's kappa between two raters who each label the same items: unweighted, or with linear or
/// quadratic weights for ordinal categories. Weights use category positions 0, 1, ..., k - 1 in the
/// category order, not numeric distances between the labels.
/// </summary>
public static class CohensKappa
{
    /// <summary>
    /// Computes kappa over pairs of labels, compared as <see cref="LabelValue"/> defines. Weighted
    /// kappa orders categories by <paramref name="categoryOrder"/> when given, else numerically
    /// when every label is a number. The result is undefined, never 0, 1 or NaN, when there are no
    /// pairs or when expected agreement is 1 (both raters use one and the same label).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A label is missing from <paramref name="categoryOrder"/>, or weights are requested for
    /// non-numeric labels without an order.
    /// </exception>
    public static AgreementValue Compute(
        IEnumerable<(string First, string Second)> pairs,
        KappaWeights weights = KappaWeights.None,
        IReadOnlyList<string>? categoryOrder = null)
    {
        var normalized = pairs
            .Select(p => (First: Canonical(p.First), Second: Canonical(p.Second)))
            .ToList();
        var categories = Categories(normalized, weights, categoryOrder);
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < categories.Count; i++)
        {
            position[categories[i]] = i;
        }

        var table = new double[categories.Count, categories.Count];
        foreach (var (first, second) in normalized)
        {
            table[position[first], position[second]]++;
        }

        return FromTable(table, weights, categories);
    }

    /// <summary>
    /// Computes kappa from a contingency table of counts (rows: first rater, columns: second rater,
    /// categories in the same order on both axes).
    /// </summary>
    /// <exception cref="ArgumentException">The table is not square or has a negative count.</exception>
    public static AgreementValue FromTable(double[,] table, KappaWeights weights = KappaWeights.None) =>
        FromTable(table, weights, null);

    private static AgreementValue FromTable(double[,] table, KappaWeights weights, IReadOnlyList<string>? labels)
    {
        var k = table.GetLength(0);
        if (k != table.GetLength(1))
        {
            throw new ArgumentException(
                $"The table is {k} by {table.GetLength(1)}, but kappa needs a square table.", nameof(table));
        }

        var (rows, columns, total) = Margins(table);
        var units = (long)Math.Round(total);
        if (total <= 0)
        {
            return AgreementValue.Undefined(0, 0, "There are no items rated by both raters.");
        }

        var observedDisagreement = 0.0;
        var expectedDisagreement = 0.0;
        var diagonal = 0.0;
        for (var i = 0; i < k; i++)
        {
            diagonal += table[i, i];
            for (var j = 0; j < k; j++)
            {
                var w = Weight(i, j, k, weights);
                observedDisagreement += w * table[i, j] / total;
                expectedDisagreement += w * (rows[i] / total) * (columns[j] / total);
            }
        }

        var observedAgreement = diagonal / total;
        if (expectedDisagreement <= 1e-12)
        {
            return AgreementValue.Undefined(observedAgreement, units, UndefinedReason(rows, labels));
        }

        return new AgreementValue(1 - (observedDisagreement / expectedDisagreement), observedAgreement, units);
    }

    private static string Canonical(string label) =>
        LabelValue.Normalize(label)
            ?? throw new ArgumentException(
                "A label is empty. Kappa needs a label on both sides of every pair.", nameof(label));

    private static List<string> Categories(
        List<(string First, string Second)> pairs,
        KappaWeights weights,
        IReadOnlyList<string>? categoryOrder)
    {
        var seen = pairs.Select(p => p.First).Concat(pairs.Select(p => p.Second));
        if (categoryOrder is null)
        {
            var ordered = LabelValue.Order(seen).ToList();
            if (weights != KappaWeights.None && !ordered.TrueForAll(l => LabelValue.TryParseNumber(l, out _)))
            {
                throw new ArgumentException(
                    "Weighted kappa needs ordered categories, but the labels are not all numbers. " +
                    "Pass the category order.",
                    nameof(categoryOrder));
            }

            return ordered;
        }

        var order = categoryOrder.Select(Canonical).Distinct(StringComparer.Ordinal).ToList();
        var unknown = seen
            .Distinct(StringComparer.Ordinal)
            .Where(label => !order.Contains(label, StringComparer.Ordinal))
            .ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"Label '{unknown[0]}' is not in the category order ({string.Join(", ", order)}). Add it to the order.",
                nameof(categoryOrder));
        }

        return order;
    }

    private static (double[] Rows, double[] Columns, double Total) Margins(double[,] table)
    {
        var k = table.GetLength(0);
        var rows = new double[k];
        var columns = new double[k];
        var total = 0.0;
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                if (table[i, j] < 0)
                {
                    var value = table[i, j].ToString(CultureInfo.InvariantCulture);
                    throw new ArgumentException(
                        $"Cell [{i}, {j}] is negative ({value}), but counts must be 0 or more.", nameof(table));
                }

                rows[i] += table[i, j];
                columns[j] += table[i, j];
                total += table[i, j];
            }
        }

        return (rows, columns, total);
    }

    private static double Weight(int i, int j, int k, KappaWeights weights)
    {
        if (i == j)
        {
            return 0;
        }

        var distance = Math.Abs(i - j) / (double)(k - 1);
        return weights switch
        {
            KappaWeights.Linear => distance,
            KappaWeights.Quadratic => distance * distance,
            _ => 1,
        };
    }

    private static string UndefinedReason(double[] rows, IReadOnlyList<string>? labels)
    {
        var only = Array.FindIndex(rows, r => r > 0);
        var label = labels is not null && only >= 0 ? $" '{labels[only]}'" : "";
        return $"Both raters gave every item the same label{label}, so chance agreement is 1 and kappa is undefined.";
    }
}
