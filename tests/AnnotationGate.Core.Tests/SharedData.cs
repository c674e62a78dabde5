namespace AnnotationGate.Core.Tests;

/// <summary>
/// Locates the shared test data (<c>shared/data</c>), which lives beside the repository and is never
/// copied into it: walks up from the test binaries and checks <c>DIR/shared/data</c> and <c>DIR/../shared/data</c>.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> Located = new(Locate);

    /// <summary>Full path of the <c>shared/data</c> folder.</summary>
    public static string Root => Located.Value;

    /// <summary>Returns the full path of a file or folder under <see cref="Root"/>.</summary>
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

        throw new DirectoryNotFoundException($"No shared/data folder above '{AppContext.BaseDirectory}'. Put shared/ beside the repository clone.");
    }
}
