namespace AnnotationGate.Core.Statistics;

/// <summary>Confidence intervals for a proportion (successes out of trials).</summary>
public static class Proportions
{
    /// <summary>Two-sided standard normal quantile for 95% coverage.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// Computes the Wilson score interval of <paramref name="successes"/> out of <paramref name="trials"/>;
    /// <paramref name="z"/> defaults to the 95% quantile. Unlike the normal (Wald) interval it stays
    /// inside [0, 1] and keeps its coverage near 0 and 1, such as 10 out of 10.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="trials"/> is not positive, <paramref name="successes"/> is outside [0, trials], or
    /// <paramref name="z"/> is not positive.
    /// </exception>
    public static ProportionInterval Wilson(long successes, long trials, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(z);

        var n = (double)trials;
        var p = successes / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var center = (p + (z2 / (2 * n))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / denominator;

        var lower = successes == 0 ? 0 : Math.Max(0, center - half);
        var upper = successes == trials ? 1 : Math.Min(1, center + half);
        return new ProportionInterval(p, lower, upper);
    }
}

/// <summary>A proportion with the bounds of its confidence interval, all between 0 and 1.</summary>
public readonly record struct ProportionInterval(double Estimate, double Lower, double Upper);
