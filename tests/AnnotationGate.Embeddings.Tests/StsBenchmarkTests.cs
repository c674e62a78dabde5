namespace AnnotationGate.Embeddings.Tests;

[Collection(EmbedderCollection.Name)]
public sealed class StsBenchmarkTests(EmbedderFixture fixture)
{
    [Fact]
    public void MiniLm_sts_dev_spearman_matches_reference()
    {
        var pairs = StsDev.Load();
        var texts = pairs.SelectMany(p => new[] { p.First, p.Second }).ToArray();

        var vectors = fixture.Embedder.Embed(texts, null, CancellationToken.None);
        var cosines = pairs.Select((_, i) => Pooling.Cosine(vectors[2 * i], vectors[(2 * i) + 1])).ToArray();
        var spearman = RankCorrelation.Spearman(cosines, [.. pairs.Select(p => p.Score)]);

        spearman.ShouldBe(0.8677, 0.0005);
    }
}
