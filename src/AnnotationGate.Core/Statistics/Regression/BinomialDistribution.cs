namespace AnnotationGate.Core.Statistics.Regression;

/// <summary>
/// Exact binomial probabilities. Each probability mass uses Loader's saddle-point form (the one
/// R's <c>dbinom</c> uses), which keeps close to full double precision for any n. Tails are
/// summed term by term from the far end with compensated summation. Tests hold them to 1e-12
/// relative against exact rational sums for n up to 10,000, wherever the value does not underflow.
/// </summary>
public static class BinomialDistribution
{
    private const double RelativeTieTolerance = 1 + 1e-7;
    private static readonly double LogTwoPi = Math.Log(2 * Math.PI);

    /// <summary>Computes log P(X = k) for X ~ Binomial(n, p).</summary>
    public static double LogProbability(int k, int n, double p)
    {
        Validate(n, p);
        if (k < 0 || k > n)
        {
            return double.NegativeInfinity;
        }

        if (p == 0)
        {
            return k == 0 ? 0 : double.NegativeInfinity;
        }

        if (p == 1)
        {
            return k == n ? 0 : double.NegativeInfinity;
        }

        return LoaderLogProbability(k, n, p, 1 - p);
    }

    /// <summary>Computes P(X = k) for X ~ Binomial(n, p).</summary>
    public static double Probability(int k, int n, double p) => Math.Exp(LogProbability(k, n, p));

    /// <summary>Computes the lower tail P(X ≤ k).</summary>
    public static double Cdf(int k, int n, double p)
    {
        Validate(n, p);
        if (k < 0)
        {
            return 0;
        }

        if (k >= n)
        {
            return 1;
        }

        return k < Mode(n, p) ? SumDownward(k, n, p) : 1 - SumUpward(k + 1, n, p);
    }

    /// <summary>Computes the upper tail P(X ≥ k).</summary>
    public static double UpperTail(int k, int n, double p)
    {
        Validate(n, p);
        if (k <= 0)
        {
            return 1;
        }

        if (k > n)
        {
            return 0;
        }

        return k > Mode(n, p) ? SumUpward(k, n, p) : 1 - SumDownward(k - 1, n, p);
    }

    /// <summary>
    /// Computes the exact two-sided p-value of observing k successes under Binomial(n, p): the
    /// total probability of every outcome no more likely than k (the definition R's
    /// <c>binom.test</c> uses; for p = 0.5 it equals twice the smaller tail, capped at 1).
    /// </summary>
    public static double TwoSidedPValue(int k, int n, double p)
    {
        Validate(n, p);
        if (k < 0 || k > n)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k must lie between 0 and n ({n}).");
        }

        double mean = n * p;
        double limit = Probability(k, n, p) * RelativeTieTolerance;
        if (k == mean)
        {
            return 1;
        }

        if (k < mean)
        {
            int first = (int)Math.Ceiling(mean);
            int count = CountWhere(first, n, i => Probability(i, n, p) <= limit);
            return Math.Min(1, Cdf(k, n, p) + UpperTail(n - count + 1, n, p));
        }

        int last = (int)Math.Floor(mean);
        int below = CountWhere(0, last, i => Probability(i, n, p) <= limit);
        return Math.Min(1, Cdf(below - 1, n, p) + UpperTail(k, n, p));
    }

    private static int CountWhere(int from, int to, Func<int, bool> predicate)
    {
        int count = 0;
        for (int i = from; i <= to; i++)
        {
            if (predicate(i))
            {
                count++;
            }
        }

        return count;
    }

    private static int Mode(int n, double p) => (int)Math.Floor((n + 1) * p);

    // Sums P(X = i) for i = k, k−1, …, 0; terms shrink as i moves away from the mode.
    private static double SumDownward(int k, int n, double p)
    {
        var sum = new CompensatedSum();
        for (int i = k; i >= 0; i--)
        {
            double term = Probability(i, n, p);
            sum.Add(term);
            if (term < 1e-18 * sum.Value)
            {
                break;
            }
        }

        return sum.Value;
    }

    private static double SumUpward(int k, int n, double p)
    {
        var sum = new CompensatedSum();
        for (int i = k; i <= n; i++)
        {
            double term = Probability(i, n, p);
            sum.Add(term);
            if (term < 1e-18 * sum.Value)
            {
                break;
            }
        }

        return sum.Value;
    }

    private static double LoaderLogProbability(int k, int n, double p, double q)
    {
        if (k == 0)
        {
            return n * LogOnePlus(-p);
        }

        if (k == n)
        {
            return n * Math.Log(p);
        }

        double logCore = StirlingError(n) - StirlingError(k) - StirlingError(n - k)
            - DevianceTerm(k, n * p) - DevianceTerm(n - k, n * q);
        double logScale = LogTwoPi + Math.Log(k) + LogOnePlus(-(double)k / n);
        return logCore - (0.5 * logScale);
    }

    // log(n!) − [(n + 1/2) log n − n + log √(2π)], exact through the factorial for n ≤ 15 and by
    // five terms of the Stirling series above, whose truncation error is below 2e-16 for n > 15.
    private static double StirlingError(int n)
    {
        if (n <= 15)
        {
            double factorial = 1;
            for (int i = 2; i <= n; i++)
            {
                factorial *= i;
            }

            return Math.Log(factorial) - ((n + 0.5) * Math.Log(n)) + n - (0.5 * LogTwoPi);
        }

        const double s0 = 1.0 / 12, s1 = 1.0 / 360, s2 = 1.0 / 1260, s3 = 1.0 / 1680, s4 = 1.0 / 1188;
        double nn = (double)n * n;
        return (s0 - ((s1 - ((s2 - ((s3 - (s4 / nn)) / nn)) / nn)) / nn)) / n;
    }

    // x log(x / m) + m − x, computed without cancellation when x is close to m.
    private static double DevianceTerm(double x, double m)
    {
        if (Math.Abs(x - m) >= 0.1 * (x + m))
        {
            return (x * Math.Log(x / m)) + m - x;
        }

        double v = (x - m) / (x + m);
        double sum = (x - m) * v;
        double term = 2 * x * v;
        v *= v;
        for (int j = 1; j < 1000; j++)
        {
            term *= v;
            double next = sum + (term / ((2 * j) + 1));
            if (next == sum)
            {
                return next;
            }

            sum = next;
        }

        return sum;
    }

    // log(1 + x) without the loss of precision of Math.Log(1 + x) for small x (Kahan's method;
    // double.LogP1 computes Log(x + 1) directly).
    private static double LogOnePlus(double x)
    {
        double u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    private static void Validate(int n, double p)
    {
        if (n < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "The number of trials must not be negative.");
        }

        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must lie between 0 and 1.");
        }
    }
}
