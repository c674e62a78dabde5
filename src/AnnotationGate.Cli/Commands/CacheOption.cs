using System.CommandLine;
using AnnotationGate.Embeddings;

namespace AnnotationGate.Cli.Commands;

/// <summary>The <c>--cache</c> option and the embedding services built on it.</summary>
public static class CacheOption
{
    public static Option<string?> Create() => new("--cache")
    {
        Description = $"Folder for the extracted embedding model and the embedding cache. Default: ${EmbeddingServices.CacheVariable}, else .annotationgate/cache beside the gate file.",
    };

    /// <summary>Creates the embedding services; the model is loaded only when a check requests it.</summary>
    public static EmbeddingServices CreateServices(string? cache, string gatePath)
    {
        var gateDirectory = Path.GetDirectoryName(Path.GetFullPath(gatePath))!;
        return new EmbeddingServices(EmbeddingServices.ResolveCacheDirectory(cache, gateDirectory));
    }
}
