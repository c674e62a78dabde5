namespace AnnotationGate.Core.Tests.Reporting;

/// <summary>Repository root: the nearest folder above the test binaries that contains AnnotationGate.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var start = AppContext.BaseDirectory;
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "AnnotationGate.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above '{start}' contains AnnotationGate.sln.");
    }
}
