namespace AnnotationGate.Embeddings.Tests;

[Collection(EmbedderCollection.Name)]
public sealed class StsBenchmarkTests(EmbedderFixture fixture)
{
    // The full dev split (3,000 sentences) runs in the benchmark program; 300 pairs keep the suite fast.
    private const int Pairs = 300;

    [Fact]
    public void MiniLm_sts_subset_spearman_is_pinned()
    {
        var pairs = StsDev.Load().Take(Pairs).ToArray();
        var texts = pairs.SelectMany(p => new[] { p.First, p.Second }).ToArray();

        var vectors = fixture.Embedder.Embed(texts, null, CancellationToken.None);
        var cosines = pairs.Select((_, i) => Pooling.Cosine(vectors[2 * i], vectors[(2 * i) + 1])).ToArray();
        var spearman = RankCorrelation.Spearman(cosines, [.. pairs.Select(p => p.Score)]);

        spearman.ShouldBe(0.9334, 0.001);
    }

    [Fact]
    public void Tfidf_sts_subset_spearman_is_pinned()
    {
        var pairs = StsDev.Load().Take(Pairs).ToArray();
        var texts = pairs.SelectMany(p => new[] { p.First, p.Second }).ToArray();

        var vectors = new TfidfEmbedder().Embed(texts, null, CancellationToken.None);
        var cosines = pairs.Select((_, i) => Pooling.Cosine(vectors[2 * i], vectors[(2 * i) + 1])).ToArray();
        var spearman = RankCorrelation.Spearman(cosines, [.. pairs.Select(p => p.Score)]);

        spearman.ShouldBe(0.7668, 0.001);
    }

    [Fact]
    public void Spearman_handles_ties_with_average_ranks()
    {
        var rho = RankCorrelation.Spearman([1, 2, 2, 3], [10, 20, 20, 30]);
        var inverse = RankCorrelation.Spearman([1, 2, 3, 4], [4, 3, 2, 1]);

        rho.ShouldBe(1.0, 1e-12);
        inverse.ShouldBe(-1.0, 1e-12);
    }
}
