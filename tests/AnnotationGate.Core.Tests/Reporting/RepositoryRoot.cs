namespace AnnotationGate.Core.Tests.Reporting;

/// <summary>Locates the repository root: the nearest folder above the test binaries that holds AnnotationGate.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "AnnotationGate.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above '{AppContext.BaseDirectory}' contains AnnotationGate.sln.");
    }
}
