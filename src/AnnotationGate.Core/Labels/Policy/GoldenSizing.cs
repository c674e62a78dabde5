using AnnotationGate.Core.Statistics;

namespace AnnotationGate.Core.Labels.Policy;

/// <summary>
/// How many golden items a threshold needs: the smallest n for which the 95% Wilson score
/// interval of a proportion equal to the threshold is no wider than the margin on either side.
/// </summary>
public static class GoldenSizing
{
    private const int Largest = 100_000_000;

    /// <summary>Half-width of the 95% Wilson interval of proportion <paramref name="p"/> over n items.</summary>
    public static double HalfWidth(double p, long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        const double z = Proportions.Z95;
        var z2 = z * z;
        return z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n))) / (1 + (z2 / n));
    }

    /// <summary>
    /// Returns the smallest n whose half-width at <paramref name="threshold"/> is at most
    /// <paramref name="margin"/> (both between 0 and 1, margin above 0).
    /// </summary>
    public static long RequiredSize(double threshold, double margin)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threshold, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(margin);
        long low = 1;
        long high = Largest;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (HalfWidth(threshold, mid) <= margin)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return low;
    }
}
