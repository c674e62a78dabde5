using System.CommandLine;
using AnnotationGate.Cli.Output;
using AnnotationGate.Embeddings;

namespace AnnotationGate.Cli.Commands;

/// <summary>The <c>--cache</c> option and the embedding services built on it.</summary>
public static class CacheOption
{
    /// <summary>Creates the option. <paramref name="defaultBeside"/> names the file that the default folder is beside.</summary>
    public static Option<string?> Create(string defaultBeside = "the gate file") => new("--cache")
    {
        Description = $"Folder for the extracted embedding model and the embedding cache. Default: ${EmbeddingServices.CacheVariable}, else .annotationgate/cache beside {defaultBeside}.",
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
