namespace AnnotationGate.Core.Tests;

/// <summary>Locates the shared real-data folder, which sits beside the repository clone.</summary>
public static class SharedData
{
    private static readonly Lazy<string> Folder = new(Find);

    /// <summary>Full path of the <c>shared/data</c> folder.</summary>
    public static string Root => Folder.Value;

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string[] candidates =
            [
                Path.Combine(dir.FullName, "shared", "data"),
                Path.Combine(dir.FullName, "..", "shared", "data"),
            ];
            foreach (var candidate in candidates)
            {
                if (Directory.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"No shared/data folder was found above '{AppContext.BaseDirectory}'. Put shared/ beside the repository.");
    }
}
