namespace AnnotationGate.Core.Tests;

/// <summary>Locates the shared real-data folder: <c>shared/data</c> beside the repository or above it.</summary>
internal static class SharedData
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>Full path of the <c>shared/data</c> folder.</summary>
    public static string Root => RootPath.Value;

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
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

        throw new DirectoryNotFoundException($"No shared/data folder above '{AppContext.BaseDirectory}'. Put shared/ beside the repository.");
    }
}
