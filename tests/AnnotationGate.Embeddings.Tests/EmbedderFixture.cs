using AnnotationGate.Embeddings.Onnx;

namespace AnnotationGate.Embeddings.Tests;

/// <summary>
/// One ML.NET embedder for the test run. The model is written once under the test binaries. HOME
/// points at an empty folder before ONNX Runtime loads, so the telemetry test can look for files there.
/// </summary>
public sealed class EmbedderFixture : IDisposable
{
    public EmbedderFixture()
    {
        Home = Path.Combine(Path.GetTempPath(), "ag-embed-home-" + Environment.ProcessId);
        Directory.CreateDirectory(Home);
        NativeEnvironment.SetNative("HOME", Home);
        CacheDirectory = Path.Combine(AppContext.BaseDirectory, "model-cache");
        Embedder = MiniLmEmbedder.Create(CacheDirectory);
    }

    /// <summary>The process's HOME folder while ONNX Runtime runs.</summary>
    public string Home { get; }

    public string CacheDirectory { get; }

    public MiniLmEmbedder Embedder { get; }

    public void Dispose()
    {
        Embedder.Dispose();
        Directory.Delete(Home, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class EmbedderCollection : ICollectionFixture<EmbedderFixture>
{
    public const string Name = "MiniLM embedder";
}
