using System.CommandLine;
using AnnotationGate.Cli.Output;
using AnnotationGate.Embeddings;

namespace AnnotationGate.Cli.Commands;

/// <summary>The <c>--cache</c> option and the embedding services built on it.</summary>
public static class CacheOption
{
    public static Option<string?> Create() => new("--cache")
    {
        Description = $"Folder for the extracted embedding model and the embedding cache. Default: ${EmbeddingServices.CacheVariable}, else .annotationgate/cache beside the gate file.",
    };

    /// <summary>
    /// Creates the embedding services, printing embedding progress to <paramref name="progress"/>; the
    /// model is loaded only when a check requests it.
    /// </summary>
    internal static ProgressEmbeddingServices CreateServices(string? cache, string gatePath, TextWriter progress)
    {
        var gateDirectory = Path.GetDirectoryName(Path.GetFullPath(gatePath))!;
        var services = new EmbeddingServices(EmbeddingServices.ResolveCacheDirectory(cache, gateDirectory));
        return new ProgressEmbeddingServices(services, progress);
    }
}
