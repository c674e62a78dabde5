namespace AnnotationGate.Embeddings.Tests;

/// <summary>One ML.NET embedder for the test run; the model is written once under the test binaries.</summary>
public sealed class EmbedderFixture : IDisposable
{
    public EmbedderFixture()
    {
        CacheDirectory = Path.Combine(AppContext.BaseDirectory, "model-cache");
        Embedder = MiniLmEmbedder.Create(CacheDirectory);
    }

    public string CacheDirectory { get; }

    public MiniLmEmbedder Embedder { get; }

    public void Dispose() => Embedder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class EmbedderCollection : ICollectionFixture<EmbedderFixture>
{
    public const string Name = "MiniLM embedder";
}
