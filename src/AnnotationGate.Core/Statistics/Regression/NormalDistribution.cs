namespace AnnotationGate.Core.Statistics.Regression;

/// <summary>
/// The standard normal distribution: cumulative probability and quantile. Tails are accurate to
/// 1e-13 relative or better out to x = 30 (tested against the C library's erfc).
/// </summary>
public static class NormalDistribution
{
    private static readonly double LogSqrtTwoPi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>Computes the density at <paramref name="x"/>.</summary>
    public static double Density(double x) => Math.Exp((-0.5 * x * x) - LogSqrtTwoPi);

    /// <summary>Computes P(Z ≤ x).</summary>
    public static double Cdf(double x) => x <= 0 ? UpperTail(-x) : 1 - UpperTail(x);

    /// <summary>Computes P(Z &gt; x), keeping relative accuracy far into the upper tail.</summary>
    public static double UpperTail(double x)
    {
        if (x < 0)
        {
            return 1 - UpperTail(-x);
        }

        return x < 1.5 ? 0.5 - (Density(x) * TaylorSum(x)) : Density(x) / MillsContinuedFraction(x);
    }

    /// <summary>
    /// Computes the quantile: the x with P(Z ≤ x) = <paramref name="probability"/>, which lies
    /// strictly between 0 and 1.
    /// </summary>
    public static double Quantile(double probability)
    {
        if (!(probability > 0 && probability < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(probability), probability, "The probability must lie strictly between 0 and 1.");
        }

        return probability < 0.5 ? -UpperQuantile(probability) : UpperQuantile(1 - probability);
    }

    // Returns x > 0 with P(Z > x) = tail, tail ≤ 0.5: a rational start (Abramowitz and Stegun
    // 26.2.23, error below 4.5e-4) refined by Newton steps on the accurate tail.
    private static double UpperQuantile(double tail)
    {
        double t = Math.Sqrt(-2 * Math.Log(tail));
        double x = t - ((2.515517 + (0.802853 * t) + (0.010328 * t * t))
            / (1 + (1.432788 * t) + (0.189269 * t * t) + (0.001308 * t * t * t)));
        for (int step = 0; step < 50; step++)
        {
            double next = x + ((UpperTail(x) - tail) / Density(x));
            if (Math.Abs(next - x) <= 1e-15 * Math.Max(1, Math.Abs(x)))
            {
                return next;
            }

            x = next;
        }

        return x;
    }

    // Series Φ(x) − 1/2 = φ(x) Σ x^(2k+1) / (2k+1)!!, all terms positive for x ≥ 0.
    private static double TaylorSum(double x)
    {
        double term = x;
        double sum = x;
        for (int k = 1; k < 500 && term > 1e-17 * sum; k++)
        {
            term *= x * x / ((2 * k) + 1);
            sum += term;
        }

        return sum;
    }

    // Laplace's continued fraction x + 1/(x + 2/(x + 3/(x + …))) for the Mills ratio, evaluated
    // from a fixed depth upward. 300 levels converge to double precision for x ≥ 1.5.
    private static double MillsContinuedFraction(double x)
    {
        double value = x;
        for (int k = 300; k >= 1; k--)
        {
            value = x + (k / value);
        }

        return value;
    }
}
