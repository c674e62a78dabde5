using AnnotationGate.Core.Embeddings;

namespace AnnotationGate.Embeddings.Caching;

/// <summary>
/// Wraps an embedder with the on-disk <see cref="EmbeddingCache"/>: texts seen before are read back,
/// and only new distinct texts reach the model. Counts hits and misses for reports.
/// </summary>
public sealed class CachedTextEmbedder : ITextEmbedder
{
    private readonly ITextEmbedder _inner;
    private long _hits;
    private long _misses;

    public CachedTextEmbedder(ITextEmbedder inner, string cacheDirectory)
    {
        _inner = inner;
        Cache = new EmbeddingCache(cacheDirectory, inner.ModelId, inner.Dimensions);
    }

    public EmbeddingCache Cache { get; }

    public string ModelId => _inner.ModelId;

    public int Dimensions => _inner.Dimensions;

    /// <summary>Texts served from the cache since this instance was created.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Distinct texts sent to the model since this instance was created.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <inheritdoc />
    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var keys = texts.Select(EmbeddingCache.KeyOf).ToArray();
        var found = Cache.Lookup(keys.ToHashSet());
        var missing = new Dictionary<UInt128, string>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (!found.ContainsKey(keys[i]))
            {
                missing.TryAdd(keys[i], texts[i]);
            }
        }

        var fromCache = texts.Count - keys.Count(missing.ContainsKey);
        Interlocked.Add(ref _hits, fromCache);
        Interlocked.Add(ref _misses, missing.Count);
        progress?.Report(fromCache);
        if (missing.Count > 0)
        {
            var computed = EmbedMissing(missing, fromCache, progress, cancellationToken);
            Cache.Store(computed);
            foreach (var (key, vector) in computed)
            {
                found[key] = vector;
            }
        }

        progress?.Report(texts.Count);
        return [.. keys.Select(key => found[key])];
    }

    /// <inheritdoc />
    public bool IsTruncated(string text) => _inner.IsTruncated(text);

    public bool VectorsDependOnBatch => _inner.VectorsDependOnBatch;

    private List<KeyValuePair<UInt128, float[]>> EmbedMissing(
        Dictionary<UInt128, string> missing, int done, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var inner = progress is null ? null : new OffsetProgress(progress, done);
        var vectors = _inner.Embed([.. missing.Values], inner, cancellationToken);
        return [.. missing.Keys.Zip(vectors, (key, vector) => KeyValuePair.Create(key, vector))];
    }

    // Reports synchronously, unlike Progress<T>, so that counts arrive in order.
    private sealed class OffsetProgress(IProgress<int> target, int offset) : IProgress<int>
    {
        public void Report(int value) => target.Report(offset + value);
    }
}
