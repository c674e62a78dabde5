namespace AnnotationGate.Core.Labels.Leakage;

/// <summary>
/// The golden rows prepared for scanning: normalized texts for exact matches, and a prefix-filter
/// index over their shingle hashes for near duplicates.
/// </summary>
/// <remarks>
/// Prefix filtering, as in the AllPairs set-similarity join: order all shingles globally, here by
/// how many golden rows contain them (rarest first), then by hash. If two sets x and y reach
/// Jaccard t, they share at least α = ⌈t·|x|⌉ shingles, so the first |x| − α + 1 shingles of x in
/// that order must meet the first |y| − ⌈t·|y|⌉ + 1 of y. Only those golden prefixes are indexed,
/// and a training row probes with its own prefix, so every pair at or above the threshold becomes
/// a candidate: the search has no false negatives, unlike MinHash banding.
/// </remarks>
internal sealed class GoldenIndex
{
    private readonly Dictionary<string, int[]> _exact;

    private GoldenIndex(
        GoldenRow[] rows,
        TokenTable tokens,
        int[] rank,
        int[][] postings,
        LeakageOptions options)
    {
        Rows = rows;
        Tokens = tokens;
        Rank = rank;
        TokenByRank = new int[rank.Length];
        for (var id = 0; id < rank.Length; id++)
        {
            TokenByRank[rank[id]] = id;
        }

        Postings = postings;
        Threshold = options.Jaccard;
        ShingleSize = options.ShingleSize;
        _exact = rows
            .Select((row, index) => (row.Normalized, index))
            .GroupBy(pair => pair.Normalized, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(pair => pair.index).ToArray(), StringComparer.Ordinal);
        Exact = _exact.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Golden rows with nonempty normalized text, in input order.</summary>
    public GoldenRow[] Rows { get; }

    /// <summary>Shingle hash to token id, for every shingle of every golden row.</summary>
    public TokenTable Tokens { get; }

    /// <summary>Position of each token id in the global order (rarest first).</summary>
    public int[] Rank { get; }

    /// <summary>Token id at each rank; the inverse of <see cref="Rank"/>.</summary>
    public int[] TokenByRank { get; }

    /// <summary>For each token id, the golden rows whose prefix contains it.</summary>
    public int[][] Postings { get; }

    /// <summary>Normalized text to the golden rows that have it.</summary>
    public Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> Exact { get; }

    public double Threshold { get; }

    public int ShingleSize { get; }

    /// <summary>
    /// Returns the smallest overlap a set of <paramref name="size"/> shingles needs with any other
    /// set to reach the threshold, ⌈t·size⌉. A small tolerance keeps rounding from raising it.
    /// </summary>
    public static int MinimumOverlap(double threshold, int size) =>
        Math.Max(1, (int)Math.Ceiling((threshold * size) - 1e-9));

    /// <summary>Returns how many of a sorted set's first shingles the prefix filter must look at.</summary>
    public static int PrefixLength(double threshold, int size) =>
        size - MinimumOverlap(threshold, size) + 1;

    /// <summary>Returns whether sets of these sizes can reach the threshold at all.</summary>
    public bool SizesCompatible(int size, int otherSize) =>
        size >= (Threshold * otherSize) - 1e-9 && size * Threshold <= otherSize + 1e-9;

    public static GoldenIndex Build(IEnumerable<(string Id, string Text)> golden, LeakageOptions options)
    {
        var rows = new List<GoldenRow>();
        var hashes = Array.Empty<ulong>();
        var buffer = Array.Empty<char>();
        var position = 0;
        foreach (var (id, text) in golden)
        {
            var length = TextNormalizer.NormalizeInto(text ?? string.Empty, ref buffer);
            if (length > 0)
            {
                var normalized = buffer.AsSpan(0, length);
                var count = Shingles.Hash(normalized, options.ShingleSize, ref hashes);
                var distinct = hashes.AsSpan(0, count).ToArray().Distinct().ToArray();
                rows.Add(new GoldenRow(id, position, normalized.ToString(), distinct,
                    Shingles.Distinct(normalized, options.ShingleSize)));
            }

            position++;
        }

        return Index([.. rows], options);
    }

    private static GoldenIndex Index(GoldenRow[] rows, LeakageOptions options)
    {
        var tokens = new TokenTable(rows.Sum(r => r.Hashes.Length));
        var frequency = new List<int>();
        var tokenHashes = new List<ulong>();
        foreach (var row in rows)
        {
            row.TokenIds = new int[row.Hashes.Length];
            for (var i = 0; i < row.Hashes.Length; i++)
            {
                var id = tokens.GetOrAdd(row.Hashes[i]);
                if (id == frequency.Count)
                {
                    frequency.Add(0);
                    tokenHashes.Add(row.Hashes[i]);
                }

                frequency[id]++;
                row.TokenIds[i] = id;
            }
        }

        var rank = RankTokens(frequency, tokenHashes);
        var postings = BuildPostings(rows, rank, options.Jaccard);
        return new GoldenIndex(rows, tokens, rank, postings, options);
    }

    private static int[] RankTokens(List<int> frequency, List<ulong> tokenHashes)
    {
        var order = Enumerable.Range(0, frequency.Count)
            .OrderBy(id => frequency[id])
            .ThenBy(id => tokenHashes[id])
            .ToArray();
        var rank = new int[order.Length];
        for (var position = 0; position < order.Length; position++)
        {
            rank[order[position]] = position;
        }

        return rank;
    }

    private static int[][] BuildPostings(GoldenRow[] rows, int[] rank, double threshold)
    {
        var postings = new List<int>[rank.Length];
        for (var g = 0; g < rows.Length; g++)
        {
            var row = rows[g];
            Array.Sort(row.TokenIds, (x, y) => rank[x].CompareTo(rank[y]));
            var prefix = PrefixLength(threshold, row.TokenIds.Length);
            for (var i = 0; i < prefix; i++)
            {
                (postings[row.TokenIds[i]] ??= []).Add(g);
            }
        }

        return [.. postings.Select(list => list is null ? [] : list.ToArray())];
    }
}

/// <summary>One golden row prepared for matching.</summary>
/// <param name="Id">The row's id.</param>
/// <param name="Position">Position in the golden input, empty rows included.</param>
/// <param name="Normalized">The normalized text.</param>
/// <param name="Hashes">Distinct shingle hashes.</param>
/// <param name="ShingleSet">Distinct shingle strings, for the exact similarity.</param>
internal sealed record GoldenRow(
    string Id, int Position, string Normalized, ulong[] Hashes, HashSet<string> ShingleSet)
{
    /// <summary>Token ids of the distinct shingles, sorted by global rank once indexed.</summary>
    public int[] TokenIds { get; set; } = [];
}
