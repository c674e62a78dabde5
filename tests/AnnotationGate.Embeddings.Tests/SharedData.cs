namespace AnnotationGate.Embeddings.Tests;

/// <summary>Finds the shared real-data folder by walking up from the test binaries.</summary>
internal static class SharedData
{
    private static readonly Lazy<string> Found = new(Locate);

    /// <summary>Full path of the <c>shared/data</c> folder.</summary>
    public static string Root => Found.Value;

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "data"), Path.Combine(dir.FullName, "..", "shared", "data") })
            {
                if (Directory.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        throw new DirectoryNotFoundException("No shared/data folder above the test binaries. Put shared/ beside the clone.");
    }
}
