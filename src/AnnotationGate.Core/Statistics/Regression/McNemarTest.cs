namespace AnnotationGate.Core.Statistics.Regression;

/// <summary>
/// Result of an exact McNemar test on the discordant pairs of a paired comparison.
/// </summary>
/// <param name="RightToWrong">Items right in the baseline and wrong now.</param>
/// <param name="WrongToRight">Items wrong in the baseline and right now.</param>
/// <param name="ExactPValue">Two-sided exact binomial p-value on the discordant pairs.</param>
/// <param name="MidPValue">
/// Two-sided mid-p value: the exact p-value minus the probability of the observed split.
/// </param>
public sealed record McNemarResult(int RightToWrong, int WrongToRight, double ExactPValue, double MidPValue)
{
    /// <summary>Number of discordant pairs (items whose outcome changed).</summary>
    public int Discordant => RightToWrong + WrongToRight;
}

/// <summary>
/// The exact (conditional) McNemar test: under no change, each discordant pair is equally likely
/// to go either way, so the smaller count follows Binomial(b + c, 1/2).
/// </summary>
public static class McNemarTest
{
    /// <summary>
    /// Tests whether the counts of right-to-wrong and wrong-to-right flips differ. With no
    /// discordant pair both p-values are 1.
    /// </summary>
    public static McNemarResult Test(int rightToWrong, int wrongToRight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rightToWrong);
        ArgumentOutOfRangeException.ThrowIfNegative(wrongToRight);
        int n = rightToWrong + wrongToRight;
        if (n == 0)
        {
            return new McNemarResult(rightToWrong, wrongToRight, 1, 1);
        }

        int smaller = Math.Min(rightToWrong, wrongToRight);
        double lowerTail = BinomialDistribution.Cdf(smaller, n, 0.5);
        double observed = BinomialDistribution.Probability(smaller, n, 0.5);
        double exact = Math.Min(1, 2 * lowerTail);
        double mid = Math.Min(1, 2 * (lowerTail - (0.5 * observed)));
        return new McNemarResult(rightToWrong, wrongToRight, exact, mid);
    }
}
