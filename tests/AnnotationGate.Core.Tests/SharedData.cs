namespace AnnotationGate.Core.Tests;

/// <summary>Locates the shared real-data folder that sits beside the clone (never inside it).</summary>
public static class SharedData
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>Full path of the <c>shared/data</c> folder.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>Returns the full path of a file or folder under <see cref="Root"/>.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string[] candidates =
                [Path.Combine(dir.FullName, "shared", "data"), Path.Combine(dir.FullName, "..", "shared", "data")];
            foreach (var candidate in candidates)
            {
                if (Directory.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"No shared/data folder was found above \"{AppContext.BaseDirectory}\". Put shared/ beside the clone.");
    }
}
