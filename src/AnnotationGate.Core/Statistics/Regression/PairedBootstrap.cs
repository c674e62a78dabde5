namespace AnnotationGate.Core.Statistics.Regression;

/// <summary>
/// Result of a paired bootstrap of a metric difference (current minus baseline).
/// </summary>
/// <param name="Estimate">Difference on the full sample.</param>
/// <param name="Lower">Lower end of the percentile interval.</param>
/// <param name="Upper">Upper end of the percentile interval.</param>
/// <param name="PValue">Two-sided bootstrap p-value for "no difference" (see <see cref="PairedBootstrap"/>).</param>
/// <param name="Resamples">Resamples drawn.</param>
/// <param name="UndefinedResamples">Resamples skipped because the metric was undefined on them.</param>
public sealed record BootstrapResult(
    double Estimate, double Lower, double Upper, double PValue, int Resamples, int UndefinedResamples);

/// <summary>
/// Paired bootstrap for a metric that does not add up over items, such as macro F1: the same
/// resampled items feed both runs, so the item-to-item correlation is kept.
/// </summary>
public static class PairedBootstrap
{
    /// <summary>
    /// Draws <paramref name="resamples"/> samples of <paramref name="itemCount"/> items with
    /// replacement and evaluates both metric functions on each. A metric function receives how
    /// many times each item was drawn (the full sample is all ones) and returns NaN when it is
    /// undefined on the sample; such resamples are skipped and counted.
    /// </summary>
    /// <remarks>
    /// The interval is the percentile interval at <paramref name="confidence"/> (R's type 7
    /// quantiles). The p-value is twice the smaller share of resampled differences on either side
    /// of zero, each counted as (1 + count) / (1 + resamples) and capped at 1, so it is below
    /// alpha about when the 1 − alpha interval excludes zero.
    /// </remarks>
    public static BootstrapResult Run(
        int itemCount,
        Func<int[], double> baselineMetric,
        Func<int[], double> currentMetric,
        int resamples,
        double confidence,
        Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(itemCount);
        int[] eachItemAlone = [.. Enumerable.Range(0, itemCount)];
        return Run(eachItemAlone, itemCount, baselineMetric, currentMetric, resamples, confidence, random);
    }

    /// <summary>
    /// Runs the bootstrap on items that fall into interchangeable groups (for classification,
    /// items with the same expected label and the same two predictions). Item i belongs to group
    /// <c>groupOfItem[i]</c>; the metric functions receive how many drawn items fell into each
    /// group, so each evaluation costs the number of groups rather than the number of items. The
    /// draws, and so the result, equal those of the per-item overload with the same seed.
    /// </summary>
    public static BootstrapResult Run(
        IReadOnlyList<int> groupOfItem,
        int groupCount,
        Func<int[], double> baselineMetric,
        Func<int[], double> currentMetric,
        int resamples,
        double confidence,
        Random random)
    {
        int itemCount = groupOfItem.Count;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(itemCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(resamples);
        int[] groups = [.. groupOfItem];
        int[] weights = new int[groupCount];
        foreach (int group in groups)
        {
            weights[group]++;
        }

        double estimate = currentMetric(weights) - baselineMetric(weights);
        var differences = new List<double>(resamples);
        for (int r = 0; r < resamples; r++)
        {
            Array.Clear(weights);
            for (int i = 0; i < itemCount; i++)
            {
                weights[groups[random.Next(itemCount)]]++;
            }

            double difference = currentMetric(weights) - baselineMetric(weights);
            if (!double.IsNaN(difference))
            {
                differences.Add(difference);
            }
        }

        return Summarize(estimate, differences, resamples, confidence);
    }

    /// <summary>Computes the type 7 quantile (linear interpolation) of sorted values.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double probability)
    {
        double position = (sorted.Count - 1) * probability;
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }

    private static BootstrapResult Summarize(
        double estimate, List<double> differences, int resamples, double confidence)
    {
        int undefined = resamples - differences.Count;
        if (differences.Count == 0)
        {
            return new BootstrapResult(estimate, double.NaN, double.NaN, double.NaN, resamples, undefined);
        }

        differences.Sort();
        double tail = (1 - confidence) / 2;
        int atOrBelow = differences.Count(d => d <= 0);
        int atOrAbove = differences.Count(d => d >= 0);
        double valid = differences.Count + 1.0;
        double p = Math.Min(1, 2 * Math.Min((1 + atOrBelow) / valid, (1 + atOrAbove) / valid));
        return new BootstrapResult(
            estimate, Quantile(differences, tail), Quantile(differences, 1 - tail), p, resamples, undefined);
    }
}
