namespace AnnotationGate.Core.Tests;

/// <summary>Locates the repository root (the folder with AnnotationGate.sln) from the test output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AnnotationGate.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No AnnotationGate.sln above '{AppContext.BaseDirectory}'.");
    }
}
