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

    /// <summary>
    /// Prints progress for the embedder's calls. A check embeds in several calls, so the count of
    /// texts and the 5-second clock run across calls.
    /// </summary>
    private sealed class ReportingEmbedder(ITextEmbedder inner, TextWriter writer) : ITextEmbedder
    {
        private readonly EmbeddingProgress _progress = new(writer);
        private long _done;

        public string ModelId => inner.ModelId;

        public int Dimensions => inner.Dimensions;

        public bool VectorsDependOnBatch => inner.VectorsDependOnBatch;

        public bool IsTruncated(string text) => inner.IsTruncated(text);

        public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, IProgress<int>? progress, CancellationToken cancellationToken)
        {
            var before = _done;
            var vectors = inner.Embed(texts, progress ?? new OffsetProgress(_progress, before), cancellationToken);
            _done = before + texts.Count;
            return vectors;
        }
    }

    private sealed class OffsetProgress(IProgress<long> target, long offset) : IProgress<int>
    {
        public void Report(int value) => target.Report(offset + value);
    }
}
