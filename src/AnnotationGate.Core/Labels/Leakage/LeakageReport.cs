namespace AnnotationGate.Core.Labels.Leakage;

/// <summary>
/// Golden items found in training data. <see cref="Exact"/> is ordered by golden row, then
/// training row (input order). <see cref="Near"/> is ordered by similarity (highest first), then
/// golden row, then training row. Each list keeps at most <see cref="LeakageOptions.MaxPairs"/>
/// pairs, the first ones in that order.
/// </summary>
/// <param name="Exact">Pairs whose normalized texts are identical (similarity 1).</param>
/// <param name="Near">
/// Pairs whose normalized texts differ but whose shingle sets reach the Jaccard threshold.
/// </param>
/// <param name="TrainingRowsScanned">Number of training rows read.</param>
/// <param name="ExactPairCount">Number of exact pairs found, including any beyond the list.</param>
/// <param name="NearPairCount">Number of near pairs found, including any beyond the list.</param>
public sealed record LeakageReport(
    IReadOnlyList<LeakagePair> Exact,
    IReadOnlyList<LeakagePair> Near,
    long TrainingRowsScanned,
    long ExactPairCount,
    long NearPairCount)
{
    /// <summary>Whether either list was cut at the maximum number of pairs.</summary>
    public bool Truncated => ExactPairCount > Exact.Count || NearPairCount > Near.Count;
}

/// <summary>A golden item and the training row that contains it.</summary>
/// <param name="GoldenId">Id of the golden item.</param>
/// <param name="TrainingId">Id of the training row.</param>
/// <param name="File">File of the training row.</param>
/// <param name="Line">Line of the training row in its file.</param>
/// <param name="Similarity">
/// Exact Jaccard similarity of the two shingle sets, in [threshold, 1]; 1 for exact matches.
/// </param>
public sealed record LeakagePair(
    string GoldenId, string TrainingId, string File, int Line, double Similarity);
