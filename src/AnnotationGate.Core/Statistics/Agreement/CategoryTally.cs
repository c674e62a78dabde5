namespace AnnotationGate.Core.Statistics.Agreement;

/// <summary>
/// Reusable per-item category counts: loading an item costs its number of ratings, not the
/// number of categories, because only the categories present are touched and reset.
/// </summary>
internal sealed class CategoryTally
{
    private readonly int[] _counts;
    private readonly List<int> _present = [];

    public CategoryTally(int categoryCount) => _counts = new int[categoryCount];

    /// <summary>Categories present in the loaded item, in order of first rating.</summary>
    public IReadOnlyList<int> Present => _present;

    public int this[int category] => _counts[category];

    public void Load(ReadOnlySpan<int> categories)
    {
        foreach (var c in _present)
        {
            _counts[c] = 0;
        }

        _present.Clear();
        foreach (var c in categories)
        {
            if (_counts[c]++ == 0)
            {
                _present.Add(c);
            }
        }
    }

    /// <summary>Returns the number of ordered pairs of ratings that agree: Σ n_c (n_c − 1).</summary>
    public long AgreeingPairs()
    {
        long pairs = 0;
        foreach (var c in _present)
        {
            pairs += (long)_counts[c] * (_counts[c] - 1);
        }

        return pairs;
    }
}
