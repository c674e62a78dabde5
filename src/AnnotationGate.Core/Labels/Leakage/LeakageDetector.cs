using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace AnnotationGate.Core.Labels.Leakage;

/// <summary>
/// Finds golden items that also appear in training data, as exact matches after normalization
/// (see <see cref="TextNormalizer"/>) and as near duplicates by character-shingle Jaccard
/// similarity.
/// </summary>
public static class LeakageDetector
{
    /// <summary>
    /// Scans <paramref name="training"/> once, in parallel, against an index of
    /// <paramref name="golden"/>. Near duplicates are found with prefix filtering on shingle
    /// hashes, which misses no pair at or above <see cref="LeakageOptions.Jaccard"/>, and their
    /// similarity is then computed exactly on the shingle strings. Memory grows with the golden
    /// set and the pairs kept, not with the number of training rows. Rows whose normalized text
    /// is empty match nothing.
    /// </summary>
    /// <returns>The pairs in a deterministic order (see <see cref="LeakageReport"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    public static LeakageReport Find(
        IEnumerable<(string Id, string Text)> golden,
        IEnumerable<(string Id, string Text, string File, int Line)> training,
        LeakageOptions options)
    {
        ArgumentNullException.ThrowIfNull(golden);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var index = GoldenIndex.Build(golden, options);
        var scanners = Scan(index, training, options);
        return Report(index, scanners, options.MaxPairs);
    }

    private static List<ScanResult> Scan(
        GoldenIndex index,
        IEnumerable<(string Id, string Text, string File, int Line)> training,
        LeakageOptions options)
    {
        var threads = options.MaxDegreeOfParallelism > 0
            ? options.MaxDegreeOfParallelism
            : Environment.ProcessorCount;
        if (threads == 1)
        {
            var scanner = new LeakageScanner(index, options.MaxPairs);
            var position = 0L;
            foreach (var row in training)
            {
                scanner.Scan(row, position++);
            }

            return [scanner.Result];
        }

        // Parallel.ForEach creates one scanner per task, and it may run more tasks than threads,
        // so only the results are kept and each scanner's buffers are freed when its task ends.
        var results = new ConcurrentBag<ScanResult>();
        try
        {
            Parallel.ForEach(
                training,
                new ParallelOptions { MaxDegreeOfParallelism = threads },
                () => new LeakageScanner(index, options.MaxPairs),
                (row, _, position, scanner) =>
                {
                    scanner.Scan(row, position);
                    return scanner;
                },
                scanner => results.Add(scanner.Result));
        }
        catch (AggregateException error) when (error.InnerExceptions.Count == 1)
        {
            // Surface the reader's own exception (for example, invalid data) rather than a wrapper.
            ExceptionDispatchInfo.Capture(error.InnerExceptions[0]).Throw();
        }

        return [.. results];
    }

    private static LeakageReport Report(GoldenIndex index, List<ScanResult> scanners, int maxPairs)
    {
        var exact = PairBuffer.Merge(scanners.Select(s => s.Exact), maxPairs, PairBuffer.ExactOrder);
        var near = PairBuffer.Merge(scanners.Select(s => s.Near), maxPairs, PairBuffer.NearOrder);
        return new LeakageReport(
            [.. exact.Select(pair => ToPair(index, pair))],
            [.. near.Select(pair => ToPair(index, pair))],
            scanners.Sum(s => s.RowsScanned),
            scanners.Sum(s => s.Exact.Total),
            scanners.Sum(s => s.Near.Total));
    }

    private static LeakagePair ToPair(GoldenIndex index, FoundPair pair) =>
        new(index.Rows[pair.Golden].Id, pair.TrainingId, pair.File, pair.Line, pair.Similarity);
}
