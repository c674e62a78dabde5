namespace AnnotationGate.Core.Statistics.Regression;

/// <summary>A confidence interval for a difference, with the point estimate it surrounds.</summary>
public sealed record DifferenceInterval(double Estimate, double Lower, double Upper);

/// <summary>
/// Confidence intervals for proportions: Wilson's score interval for one proportion and
/// Newcombe's hybrid score interval for the difference of two paired proportions.
/// </summary>
public static class PairedProportionInterval
{
    /// <summary>
    /// Computes Wilson's score interval for <paramref name="successes"/> out of
    /// <paramref name="trials"/> at the given confidence level (0.95 by default).
    /// </summary>
    public static (double Lower, double Upper) Wilson(int successes, int trials, double confidence = 0.95)
    {
        if (trials <= 0)
        {
            return (0, 1);
        }

        double z = NormalDistribution.Quantile(1 - ((1 - confidence) / 2));
        double p = (double)successes / trials;
        double z2 = z * z;
        double centre = p + (z2 / (2 * trials));
        double spread = z * Math.Sqrt((p * (1 - p) / trials) + (z2 / (4.0 * trials * trials)));
        double scale = 1 + (z2 / trials);
        return (Math.Max(0, (centre - spread) / scale), Math.Min(1, (centre + spread) / scale));
    }

    /// <summary>
    /// Computes Newcombe's hybrid score interval (method 10 of his 1998 paper on paired
    /// proportions, with its continuity-corrected phi) for
    /// current accuracy minus baseline accuracy on the same items. The 2×2 cells are: both right,
    /// right only in the baseline, right only now, both wrong. It combines the Wilson intervals of
    /// both accuracies with their correlation (phi), stays inside [-1, 1] and behaves well with
    /// few discordant pairs, unlike the Wald interval.
    /// </summary>
    public static DifferenceInterval Newcombe(
        int bothRight, int rightToWrong, int wrongToRight, int bothWrong, double confidence = 0.95)
    {
        int n = bothRight + rightToWrong + wrongToRight + bothWrong;
        if (n == 0)
        {
            return new DifferenceInterval(0, -1, 1);
        }

        int baselineRight = bothRight + rightToWrong;
        int currentRight = bothRight + wrongToRight;
        double baseline = (double)baselineRight / n;
        double current = (double)currentRight / n;
        var (baselineLower, baselineUpper) = Wilson(baselineRight, n, confidence);
        var (currentLower, currentUpper) = Wilson(currentRight, n, confidence);
        double phi = Phi(bothRight, rightToWrong, wrongToRight, bothWrong);
        double lowerGap = Math.Sqrt(Math.Max(0, Square(current - currentLower)
            - (2 * phi * (current - currentLower) * (baselineUpper - baseline)) + Square(baselineUpper - baseline)));
        double upperGap = Math.Sqrt(Math.Max(0, Square(currentUpper - current)
            - (2 * phi * (currentUpper - current) * (baseline - baselineLower)) + Square(baseline - baselineLower)));
        double estimate = current - baseline;
        return new DifferenceInterval(estimate, Math.Max(-1, estimate - lowerGap), Math.Min(1, estimate + upperGap));
    }

    // Correlation of the two outcomes over the 2×2 table, with Newcombe's continuity correction:
    // a positive AD − BC is reduced by n/2 (not below 0). It is 0 when a margin is empty.
    private static double Phi(int a, int b, int c, int d)
    {
        double denominator = (double)(a + b) * (c + d) * (a + c) * (b + d);
        if (denominator == 0)
        {
            return 0;
        }

        double cross = ((double)a * d) - ((double)b * c);
        double half = (a + b + c + d) / 2.0;
        double corrected = cross > half ? cross - half : Math.Min(cross, 0);
        return corrected / Math.Sqrt(denominator);
    }

    private static double Square(double x) => x * x;
}
