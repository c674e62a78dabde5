namespace AnnotationGate.Core.Labels.Leakage;

/// <summary>A pair found by one scanning thread, with the training row's input position.</summary>
internal readonly record struct FoundPair(
    int Golden, long TrainingIndex, string TrainingId, string File, int Line, double Similarity);

/// <summary>
/// Keeps the first <c>max</c> pairs in a fixed order and counts all of them, so memory stays
/// bounded however many training rows match.
/// </summary>
internal sealed class PairBuffer(int max, Comparison<FoundPair> order)
{
    private readonly List<FoundPair> _pairs = [];

    public long Total { get; private set; }

    /// <summary>Golden row, then training row.</summary>
    public static int ExactOrder(FoundPair x, FoundPair y)
    {
        var byGolden = x.Golden.CompareTo(y.Golden);
        return byGolden != 0 ? byGolden : x.TrainingIndex.CompareTo(y.TrainingIndex);
    }

    /// <summary>Similarity (highest first), then golden row, then training row.</summary>
    public static int NearOrder(FoundPair x, FoundPair y)
    {
        var bySimilarity = y.Similarity.CompareTo(x.Similarity);
        return bySimilarity != 0 ? bySimilarity : ExactOrder(x, y);
    }

    public void Add(FoundPair pair)
    {
        Total++;
        _pairs.Add(pair);
        if (_pairs.Count >= 2 * max)
        {
            Trim();
        }
    }

    /// <summary>Merges the buffers and returns the first <c>max</c> pairs of all of them, in order.</summary>
    public static List<FoundPair> Merge(IEnumerable<PairBuffer> buffers, int max, Comparison<FoundPair> order)
    {
        var all = buffers.SelectMany(b => b._pairs).ToList();
        all.Sort(order);
        return all.Count > max ? all.GetRange(0, max) : all;
    }

    private void Trim()
    {
        _pairs.Sort(order);
        _pairs.RemoveRange(max, _pairs.Count - max);
    }
}
