using System.Diagnostics;
using AnnotationGate.Embeddings.Caching;

namespace AnnotationGate.Embeddings.Tests;

[Collection(EmbedderCollection.Name)]
public sealed class EmbeddingCacheTests(EmbedderFixture fixture) : IDisposable
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "ag-embed-cache-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    [Fact]
    public void Rerun_on_same_text_reads_cache()
    {
        var texts = StsDev.Load().Take(60).SelectMany(p => new[] { p.First, p.Second }).ToArray();
        var first = new CachedTextEmbedder(fixture.Embedder, _cache);
        var second = new CachedTextEmbedder(fixture.Embedder, _cache);

        var clock = Stopwatch.StartNew();
        var computed = first.Embed(texts, null, CancellationToken.None);
        var firstTime = clock.Elapsed;
        clock.Restart();
        var cached = second.Embed(texts, null, CancellationToken.None);
        var secondTime = clock.Elapsed;

        second.Misses.ShouldBe(0);
        second.Hits.ShouldBe(texts.Length);
        first.Misses.ShouldBe(texts.Distinct().Count());
        for (var i = 0; i < texts.Length; i++)
        {
            cached[i].ShouldBe(computed[i]);
        }

        (firstTime / secondTime).ShouldBeGreaterThan(20, $"first {firstTime}, second {secondTime}");
    }

    [Fact]
    public void Concurrent_writers_lose_no_entries()
    {
        var vectors = Enumerable.Range(0, 8)
            .Select(w => Enumerable.Range(0, 50).Select(i => KeyValuePair.Create(EmbeddingCache.KeyOf($"w{w}-t{i}"), new[] { w, i, 1f })).ToArray())
            .ToArray();

        Parallel.ForEach(vectors, batch => new EmbeddingCache(_cache, "model-a", 3).Store(batch));
        var found = new EmbeddingCache(_cache, "model-a", 3).Lookup(vectors.SelectMany(b => b).Select(e => e.Key).ToHashSet());

        found.Count.ShouldBe(400);
        found[EmbeddingCache.KeyOf("w7-t49")].ShouldBe([7f, 49f, 1f]);
    }

    [Fact]
    public void Segments_are_merged_past_limit()
    {
        var cache = new EmbeddingCache(_cache, "model-b", 2);
        for (var i = 0; i < EmbeddingCache.MaxSegments + 4; i++)
        {
            cache.Store([KeyValuePair.Create(EmbeddingCache.KeyOf($"text {i}"), new[] { i, 0f })]);
        }

        var found = cache.Lookup(new HashSet<UInt128> { EmbeddingCache.KeyOf("text 3"), EmbeddingCache.KeyOf("text 19") });

        found.Count.ShouldBe(2);
        Directory.GetFiles(cache.Directory, "*.seg").Length.ShouldBe(1);
        cache.Lookup(new HashSet<UInt128> { EmbeddingCache.KeyOf("text 19") })[EmbeddingCache.KeyOf("text 19")].ShouldBe([19f, 0f]);
    }

    [Fact]
    public void Other_model_id_does_not_share_entries()
    {
        var key = EmbeddingCache.KeyOf("same text");
        new EmbeddingCache(_cache, "model-c", 2).Store([KeyValuePair.Create(key, new[] { 1f, 2f })]);

        var found = new EmbeddingCache(_cache, "model-d", 2).Lookup(new HashSet<UInt128> { key });

        found.ShouldBeEmpty();
    }
}
