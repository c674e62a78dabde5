namespace AnnotationGate.Core.Labels.Leakage;

/// <summary>
/// Matches training rows against a <see cref="GoldenIndex"/>. One instance per thread: it owns
/// reusable buffers, so memory does not grow with the number of rows scanned.
/// </summary>
internal sealed class LeakageScanner
{
    // Candidates whose hashed similarity is this close below the threshold are still checked on
    // the shingle strings, in case a 64-bit hash collision lowered the hashed value.
    private const double VerifyMargin = 0.01;

    private readonly GoldenIndex _index;
    private readonly int[] _candidateStamp;
    private readonly int[] _exactStamp;
    private readonly int[] _tokenStamp;
    private readonly List<int> _candidates = [];
    private readonly HashSet<string> _rowShingles = new(StringComparer.Ordinal);
    private char[] _text = [];
    private ulong[] _hashes = [];
    private ulong[] _setKeys = new ulong[256];
    private int[] _setStamps = new int[256];
    private ulong[] _distinct = [];
    private int[] _present = [];
    // Number of the current row. The *Stamp arrays mark entries with it, so starting a row resets
    // every mark without clearing the arrays.
    private int _stamp;
    private int _rowShinglesStamp;

    public LeakageScanner(GoldenIndex index, int maxPairs)
    {
        _index = index;
        _candidateStamp = new int[index.Rows.Length];
        _exactStamp = new int[index.Rows.Length];
        _tokenStamp = new int[index.Rank.Length];
        Exact = new PairBuffer(maxPairs, PairBuffer.ExactOrder);
        Near = new PairBuffer(maxPairs, PairBuffer.NearOrder);
    }

    public PairBuffer Exact { get; }

    public PairBuffer Near { get; }

    public long RowsScanned { get; private set; }

    /// <summary>The pairs and row count so far, without the scanner's buffers.</summary>
    public ScanResult Result => new(Exact, Near, RowsScanned);

    public void Scan((string Id, string Text, string File, int Line) row, long position)
    {
        RowsScanned++;
        NextStamp();
        var length = TextNormalizer.NormalizeInto(row.Text ?? string.Empty, ref _text);
        if (length == 0)
        {
            return;
        }

        var text = _text.AsSpan(0, length);
        if (_index.Exact.TryGetValue(text, out var goldens))
        {
            foreach (var golden in goldens)
            {
                _exactStamp[golden] = _stamp;
                Exact.Add(new FoundPair(golden, position, row.Id, row.File, row.Line, 1.0));
            }
        }

        var size = CollectDistinct(text);
        if (CollectCandidates(size))
        {
            Verify(text, size, row, position);
        }
    }

    private void NextStamp()
    {
        if (_stamp == int.MaxValue)
        {
            Array.Clear(_candidateStamp);
            Array.Clear(_exactStamp);
            Array.Clear(_tokenStamp);
            Array.Clear(_setStamps);
            _rowShinglesStamp = 0;
            _stamp = 0;
        }

        _stamp++;
    }

    private int CollectDistinct(ReadOnlySpan<char> text)
    {
        var count = Shingles.Hash(text, _index.ShingleSize, ref _hashes);
        EnsureSetCapacity(count);
        if (_distinct.Length < count)
        {
            _distinct = new ulong[count * 2];
            _present = new int[count * 2];
        }

        var mask = _setKeys.Length - 1;
        var size = 0;
        foreach (var hash in _hashes.AsSpan(0, count))
        {
            var slot = (int)hash & mask;
            while (_setStamps[slot] == _stamp && _setKeys[slot] != hash)
            {
                slot = (slot + 1) & mask;
            }

            if (_setStamps[slot] != _stamp)
            {
                _setStamps[slot] = _stamp;
                _setKeys[slot] = hash;
                _distinct[size++] = hash;
            }
        }

        return size;
    }

    // Applies the prefix filter (see GoldenIndex) and leaves the golden rows that share a prefix
    // shingle with this row and have a compatible size in _candidates.
    private bool CollectCandidates(int size)
    {
        var prefix = GoldenIndex.PrefixLength(_index.Threshold, size);
        if (AbsentFillPrefix(size, prefix))
        {
            return false;
        }

        var absent = 0;
        var present = 0;
        foreach (var hash in _distinct.AsSpan(0, size))
        {
            var id = _index.Tokens.Get(hash);
            if (id < 0)
            {
                absent++;
            }
            else
            {
                _present[present++] = id;
            }
        }

        if (absent >= prefix)
        {
            return false;
        }

        var ranks = _present.AsSpan(0, present);
        for (var i = 0; i < ranks.Length; i++)
        {
            _tokenStamp[ranks[i]] = _stamp;
            ranks[i] = _index.Rank[ranks[i]];
        }

        ranks.Sort();
        _candidates.Clear();
        foreach (var rank in ranks[..(prefix - absent)])
        {
            AddCandidates(_index.Postings[_index.TokenByRank[rank]], size);
        }

        return _candidates.Count > 0;
    }

    // Shingles in no golden row come first in the global order, so if they fill the prefix no
    // golden row can reach the threshold. This cheap pass counts only shingles the filter rules
    // out, which undercounts the absent ones, so it never stops a row that could match.
    private bool AbsentFillPrefix(int size, int prefix)
    {
        var absent = 0;
        foreach (var hash in _distinct.AsSpan(0, size))
        {
            if (!_index.Tokens.MightContain(hash) && ++absent >= prefix)
            {
                return true;
            }
        }

        return false;
    }

    private void AddCandidates(int[] goldens, int size)
    {
        foreach (var golden in goldens)
        {
            if (_candidateStamp[golden] == _stamp || _exactStamp[golden] == _stamp)
            {
                continue;
            }

            _candidateStamp[golden] = _stamp;
            if (_index.SizesCompatible(size, _index.Rows[golden].TokenIds.Length))
            {
                _candidates.Add(golden);
            }
        }
    }

    private void Verify(
        ReadOnlySpan<char> text, int size, (string Id, string Text, string File, int Line) row, long position)
    {
        foreach (var golden in _candidates)
        {
            var tokenIds = _index.Rows[golden].TokenIds;
            var overlap = 0;
            foreach (var id in tokenIds)
            {
                overlap += _tokenStamp[id] == _stamp ? 1 : 0;
            }

            var hashed = overlap / (double)(size + tokenIds.Length - overlap);
            if (hashed < _index.Threshold - VerifyMargin)
            {
                continue;
            }

            var similarity = ExactJaccard(text, _index.Rows[golden].ShingleSet);
            if (similarity >= _index.Threshold)
            {
                Near.Add(new FoundPair(golden, position, row.Id, row.File, row.Line, similarity));
            }
        }
    }

    private double ExactJaccard(ReadOnlySpan<char> text, HashSet<string> golden)
    {
        if (_rowShinglesStamp != _stamp)
        {
            _rowShingles.Clear();
            Shingles.AddDistinct(text, _index.ShingleSize, _rowShingles);
            _rowShinglesStamp = _stamp;
        }

        var overlap = _rowShingles.Count(golden.Contains);
        return overlap / (double)(_rowShingles.Count + golden.Count - overlap);
    }

    private void EnsureSetCapacity(int count)
    {
        if (_setKeys.Length >= count * 2)
        {
            return;
        }

        var capacity = _setKeys.Length;
        while (capacity < count * 2)
        {
            capacity *= 2;
        }

        _setKeys = new ulong[capacity];
        _setStamps = new int[capacity];
    }
}

/// <summary>What one scanner found: its pair buffers and the number of rows it read.</summary>
internal sealed record ScanResult(PairBuffer Exact, PairBuffer Near, long RowsScanned);
