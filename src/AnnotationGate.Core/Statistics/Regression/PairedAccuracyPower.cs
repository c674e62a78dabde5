namespace AnnotationGate.Core.Statistics.Regression;

/// <summary>
/// Power of the paired accuracy comparison, by Connor's normal approximation to McNemar's test
/// (Biometrics, 1987): n = (z₁₋α/₂ √ψ + z₁₋β √(ψ − δ²))² / δ², where δ is the accuracy drop and
/// ψ the share of discordant items. The gate assumes ψ = δ, that is, a change that only breaks
/// items and fixes none. That is the most favourable case, so the figures are lower bounds: when
/// a change also fixes some items while breaking others, the gate needs more items still.
/// </summary>
public static class PairedAccuracyPower
{
    /// <summary>Power used when none is given: 0.8.</summary>
    public const double DefaultPower = 0.8;

    /// <summary>
    /// Computes the smallest accuracy drop (0 to 1) that <paramref name="items"/> golden items
    /// detect with the given power at two-sided level <paramref name="alpha"/>. Returns null when
    /// even a drop to zero from <paramref name="baselineAccuracy"/> is out of reach.
    /// </summary>
    public static double? MinimumDetectableDrop(
        int items, double baselineAccuracy, double alpha, double power = DefaultPower)
    {
        if (items <= 0)
        {
            return null;
        }

        var (za, zb) = Quantiles(alpha, power);

        // With ψ = δ and s = √(1 − δ), n δ = (za + zb s)² becomes a quadratic in s:
        // (n + zb²) s² + 2 za zb s + (za² − n) = 0; its positive root gives δ = 1 − s².
        double a = items + (zb * zb);
        double b = 2 * za * zb;
        double c = (za * za) - items;
        double discriminant = (b * b) - (4 * a * c);
        double s = (-b + Math.Sqrt(discriminant)) / (2 * a);
        if (s <= 0)
        {
            return null;
        }

        double drop = 1 - (s * s);
        return drop <= baselineAccuracy ? drop : null;
    }

    /// <summary>
    /// Computes the number of golden items needed to detect an accuracy drop of
    /// <paramref name="drop"/> (0 to 1, exclusive) with the given power at level
    /// <paramref name="alpha"/>, rounded up.
    /// </summary>
    public static int RequiredItems(double drop, double alpha, double power = DefaultPower)
    {
        if (!(drop > 0 && drop < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(drop), drop, "The drop must lie strictly between 0 and 1.");
        }

        var (za, zb) = Quantiles(alpha, power);
        double root = za + (zb * Math.Sqrt(1 - drop));
        return (int)Math.Ceiling((root * root / drop) - 1e-9);
    }

    private static (double Alpha, double Beta) Quantiles(double alpha, double power)
    {
        if (!(alpha > 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Alpha must lie strictly between 0 and 1.");
        }

        if (!(power > 0 && power < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(power), power, "Power must lie strictly between 0 and 1.");
        }

        return (NormalDistribution.Quantile(1 - (alpha / 2)), NormalDistribution.Quantile(power));
    }
}
