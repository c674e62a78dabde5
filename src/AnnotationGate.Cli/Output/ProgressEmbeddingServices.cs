using AnnotationGate.Core.Checks.Paraphrase;
using AnnotationGate.Core.Embeddings;
using AnnotationGate.Embeddings;

namespace AnnotationGate.Cli.Output;

/// <summary>
/// The embedding services of a run, with every embedder wrapped so that long embedding runs inside
/// a paraphrase-consistency check print progress lines (the check itself passes no progress sink).
/// </summary>
internal sealed class ProgressEmbeddingServices : IServiceProvider, ITextEmbedderSelector, IDisposable
{
    private readonly EmbeddingServices _inner;
    private readonly TextWriter _writer;

    public ProgressEmbeddingServices(EmbeddingServices inner, TextWriter writer)
    {
        _inner = inner;
        _writer = writer;
    }

    public object? GetService(Type serviceType)
    {
        if (serviceType == typeof(ITextEmbedderSelector))
        {
            return this;
        }

        var service = _inner.GetService(serviceType);
        return service is ITextEmbedder embedder ? new ReportingEmbedder(embedder, _writer) : service;
    }

    public ITextEmbedder? Select(string model) =>
        _inner.Select(model) is { } embedder ? new ReportingEmbedder(embedder, _writer) : null;

    public void Dispose() => _inner.Dispose();

    private sealed class ReportingEmbedder(ITextEmbedder inner, TextWriter writer) : ITextEmbedder
    {
        public string ModelId => inner.ModelId;

        public int Dimensions => inner.Dimensions;

        public bool IsTruncated(string text) => inner.IsTruncated(text);

        public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, IProgress<int>? progress, CancellationToken cancellationToken) =>
            inner.Embed(texts, progress ?? new EmbeddingProgress(writer), cancellationToken);
    }
}
