namespace AnnotationGate.Core.Labels.Aggregation;

/// <summary>
/// Raykar and Yu's spammer score (JMLR 2012, "Eliminating spammers and ranking annotators for
/// crowdsourced labeling tasks"): S = Σ_{c &lt; c'} Σ_k (A_ck − A_c'k)² / (K (K − 1)) over the
/// rows A_c of a confusion matrix P(label k | true class c). A spammer labels the same way
/// whatever the true class, so all rows are equal and S = 0. A perfect (or perfectly inverted)
/// annotator has S = 1. For binary labels S = (sensitivity + specificity − 1)².
/// </summary>
public static class SpammerScore
{
    /// <summary>Computes the score of a K × K confusion matrix (rows = true class), 0 when K is below 2.</summary>
    public static double Compute(IReadOnlyList<IReadOnlyList<double>> confusion)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        return Compute(confusion, Enumerable.Range(0, confusion.Count).ToList());
    }

    /// <summary>
    /// Computes the score over the rows of the given true classes only, with K = their count. Returns
    /// 0 when fewer than two classes are given.
    /// </summary>
    public static double Compute(IReadOnlyList<IReadOnlyList<double>> confusion, IReadOnlyList<int> classes)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        ArgumentNullException.ThrowIfNull(classes);
        var k = classes.Count;
        if (k < 2)
        {
            return 0;
        }

        var sum = 0.0;
        for (var i = 0; i < k; i++)
        {
            for (var j = i + 1; j < k; j++)
            {
                sum += SquaredDistance(confusion[classes[i]], confusion[classes[j]]);
            }
        }

        return sum / (k * (k - 1));
    }

    private static double SquaredDistance(IReadOnlyList<double> row, IReadOnlyList<double> other)
    {
        var sum = 0.0;
        for (var label = 0; label < row.Count; label++)
        {
            var difference = row[label] - other[label];
            sum += difference * difference;
        }

        return sum;
    }
}
