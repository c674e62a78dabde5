namespace AnnotationGate.Core.Statistics.Regression;

/// <summary>
/// Holm's step-down adjustment, which controls the chance of any false alarm across a family of
/// tests without assuming they are independent.
/// </summary>
public static class HolmAdjustment
{
    /// <summary>
    /// Adjusts p-values, returned in the input order: the i-th smallest of m is multiplied by
    /// m − i + 1, then made non-decreasing in rank and capped at 1 (as R's <c>p.adjust</c> does).
    /// NaN entries stay NaN and do not count towards m.
    /// </summary>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        double[] adjusted = [.. pValues];
        int[] order = Enumerable.Range(0, pValues.Count)
            .Where(i => !double.IsNaN(pValues[i]))
            .OrderBy(i => pValues[i])
            .ThenBy(i => i)
            .ToArray();
        double running = 0;
        for (int rank = 0; rank < order.Length; rank++)
        {
            double scaled = Math.Min(1, (order.Length - rank) * pValues[order[rank]]);
            running = Math.Max(running, scaled);
            adjusted[order[rank]] = running;
        }

        return adjusted;
    }
}
