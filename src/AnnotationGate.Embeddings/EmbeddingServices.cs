using AnnotationGate.Core.Checks.Paraphrase;
using AnnotationGate.Core.Embeddings;
using AnnotationGate.Embeddings.Caching;

namespace AnnotationGate.Embeddings;

/// <summary>
/// The services a host passes to a gate run (<c>GateRunOptions.Services</c>): the default
/// <see cref="ITextEmbedder"/> (all-MiniLM-L6-v2 through ML.NET, behind the on-disk cache) and an
/// <see cref="ITextEmbedderSelector"/> for the names <c>minilm</c> and <c>tfidf</c>. Embedders are
/// created on first use, so a gate without embedding checks loads no model.
/// </summary>
public sealed class EmbeddingServices : IServiceProvider, ITextEmbedderSelector, IDisposable
{
    /// <summary>Environment variable that sets the cache folder when the host passes none.</summary>
    public const string CacheVariable = "ANNOTATIONGATE_CACHE";

    private readonly Lazy<MiniLmEmbedder> _miniLm;
    private readonly Lazy<ITextEmbedder> _cachedMiniLm;
    private readonly Lazy<TfidfEmbedder> _tfidf = new(() => new TfidfEmbedder());

    public EmbeddingServices(string cacheDirectory, bool useCache = true)
    {
        CacheDirectory = Path.GetFullPath(cacheDirectory);
        _miniLm = new Lazy<MiniLmEmbedder>(() => MiniLmEmbedder.Create(CacheDirectory));
        _cachedMiniLm = new Lazy<ITextEmbedder>(() =>
            useCache ? new CachedTextEmbedder(_miniLm.Value, CacheDirectory) : _miniLm.Value);
    }

    /// <summary>Folder of the model files and the embedding cache.</summary>
    public string CacheDirectory { get; }

    /// <summary>
    /// Returns the cache folder: <paramref name="configured"/> when given, else the
    /// <c>ANNOTATIONGATE_CACHE</c> environment variable, else <c>.annotationgate/cache</c> in
    /// <paramref name="gateDirectory"/>.
    /// </summary>
    public static string ResolveCacheDirectory(string? configured, string gateDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(CacheVariable);
        return string.IsNullOrWhiteSpace(fromEnvironment)
            ? Path.GetFullPath(Path.Combine(gateDirectory, ".annotationgate", "cache"))
            : Path.GetFullPath(fromEnvironment);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType)
    {
        if (serviceType == typeof(ITextEmbedder))
        {
            return _cachedMiniLm.Value;
        }

        return serviceType == typeof(ITextEmbedderSelector) || serviceType == typeof(EmbeddingServices) ? this : null;
    }

    /// <inheritdoc />
    public ITextEmbedder? Select(string model) => model switch
    {
        "minilm" => _cachedMiniLm.Value,
        "tfidf" => _tfidf.Value,
        _ => null,
    };

    public void Dispose()
    {
        if (_miniLm.IsValueCreated)
        {
            _miniLm.Value.Dispose();
        }
    }
}
