namespace AnnotationGate.Core.Labels.Leakage;

/// <summary>
/// Open-addressing map from a nonzero 64-bit shingle hash to a dense id, faster than a
/// dictionary on the hot path, with a bit filter small enough to stay in cache. The capacity is
/// fixed, and reads are safe from many threads once the table is built.
/// </summary>
internal sealed class TokenTable
{
    private readonly ulong[] _keys;
    private readonly int[] _ids;
    private readonly int _mask;
    private readonly ulong[] _filter;
    private readonly int _filterShift;

    public TokenTable(int maxCount)
    {
        var capacity = 16;
        while (capacity < maxCount * 2)
        {
            capacity *= 2;
        }

        _keys = new ulong[capacity];
        _ids = new int[capacity];
        _mask = capacity - 1;

        // At least 16 filter bits per key, so at most about 1 in 16 absent keys passes the filter.
        var filterBits = Math.Max(1 << 12, capacity * 8);
        _filter = new ulong[filterBits / 64];
        _filterShift = 64 - int.Log2(filterBits);
    }

    public int Count { get; private set; }

    /// <summary>Returns the id of <paramref name="key"/>, adding it with the next id if new.</summary>
    public int GetOrAdd(ulong key)
    {
        var slot = (int)key & _mask;
        while (_keys[slot] != 0)
        {
            if (_keys[slot] == key)
            {
                return _ids[slot];
            }

            slot = (slot + 1) & _mask;
        }

        _keys[slot] = key;
        _ids[slot] = Count;
        var bit = key >> _filterShift;
        _filter[bit >> 6] |= 1UL << (int)(bit & 63);
        return Count++;
    }

    /// <summary>
    /// Returns false when <paramref name="key"/> is certainly not in the table; true means it may
    /// be. The filter uses the high bits of the key, and the slots use the low bits.
    /// </summary>
    public bool MightContain(ulong key)
    {
        var bit = key >> _filterShift;
        return (_filter[bit >> 6] & (1UL << (int)(bit & 63))) != 0;
    }

    /// <summary>Returns the id of <paramref name="key"/>, or -1 when it is not in the table.</summary>
    public int Get(ulong key)
    {
        var slot = (int)key & _mask;
        while (true)
        {
            var stored = _keys[slot];
            if (stored == key)
            {
                return _ids[slot];
            }

            if (stored == 0)
            {
                return -1;
            }

            slot = (slot + 1) & _mask;
        }
    }
}
