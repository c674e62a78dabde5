using System.Numerics;

namespace AnnotationGate.Core.Checks.Length;

/// <summary>
/// Streaming summary of lengths: exact count, minimum, maximum and mean, and percentiles from a fixed-size
/// histogram, so memory stays the same however many records are added. Percentiles are exact for lengths
/// up to 2,047 and within 1/64 (1.6%) of the true value above. Thread-safe and lock-free.
/// </summary>
internal sealed class LengthStatistics
{
    private const int ExactLimit = 2048;
    private const int ExactBits = 11;
    private const int SubBucketBits = 6;
    private const int SubBuckets = 1 << SubBucketBits;

    // Lengths below 2,048 have a bucket each; above, each power of two is split into 64 buckets.
    private readonly long[] _buckets = new long[ExactLimit + ((64 - ExactBits) * SubBuckets)];
    private long _count;
    private long _sum;
    private long _min = long.MaxValue;
    private long _max = long.MinValue;

    public long Count => Interlocked.Read(ref _count);

    public long Min => Count == 0 ? 0 : Interlocked.Read(ref _min);

    public long Max => Count == 0 ? 0 : Interlocked.Read(ref _max);

    public double Mean => Count == 0 ? 0 : (double)Interlocked.Read(ref _sum) / Count;

    /// <summary>Adds one length (0 or more).</summary>
    public void Add(long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Interlocked.Increment(ref _buckets[BucketOf(length)]);
        Interlocked.Add(ref _sum, length);
        UpdateMin(length);
        UpdateMax(length);
        Interlocked.Increment(ref _count);
    }

    /// <summary>
    /// Returns the nearest-rank percentile (0 &lt; <paramref name="fraction"/> &lt;= 1): the smallest length that at
    /// least that fraction of lengths do not exceed. Above 2,047 it returns the upper end of the bucket,
    /// capped at the maximum. Returns 0 when nothing was added.
    /// </summary>
    public long Percentile(double fraction)
    {
        var count = Count;
        if (count == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(fraction * count));
        var seen = 0L;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += Interlocked.Read(ref _buckets[i]);
            if (seen >= rank)
            {
                return Math.Min(UpperBoundOf(i), Max);
            }
        }

        return Max;
    }

    private static int BucketOf(long length)
    {
        if (length < ExactLimit)
        {
            return (int)length;
        }

        var exponent = 63 - BitOperations.LeadingZeroCount((ulong)length);
        var subBucket = (int)(length >> (exponent - SubBucketBits)) & (SubBuckets - 1);
        return ExactLimit + ((exponent - ExactBits) * SubBuckets) + subBucket;
    }

    private static long UpperBoundOf(int bucket)
    {
        if (bucket < ExactLimit)
        {
            return bucket;
        }

        var exponent = ((bucket - ExactLimit) / SubBuckets) + ExactBits;
        var subBucket = (bucket - ExactLimit) % SubBuckets;
        var width = 1L << (exponent - SubBucketBits);
        return ((SubBuckets + subBucket) * width) + width - 1;
    }

    private void UpdateMin(long length)
    {
        var current = Interlocked.Read(ref _min);
        while (length < current)
        {
            var seen = Interlocked.CompareExchange(ref _min, length, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private void UpdateMax(long length)
    {
        var current = Interlocked.Read(ref _max);
        while (length > current)
        {
            var seen = Interlocked.CompareExchange(ref _max, length, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
