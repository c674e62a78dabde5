namespace AnnotationGate.Core.Labels.Leakage;

/// <summary>
/// Open-addressing map from a nonzero 64-bit shingle hash to a dense id, faster than a
/// dictionary on the hot path. Fixed capacity; reads are safe from many threads once built.
/// </summary>
internal sealed class TokenTable
{
    private readonly ulong[] _keys;
    private readonly int[] _ids;
    private readonly int _mask;

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
        return Count++;
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
