using AnnotationGate.Core.Engine;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.GitHub;

/// <summary>
/// Rewrites the file paths of a result relative to the workspace, with forward slashes, because the
/// runner resolves an annotation's <c>file</c> against the workspace and keeps a relative path as is.
/// </summary>
public static class WorkspacePaths
{
    /// <summary>
    /// Returns the result with its gate file and each finding's file relative to
    /// <paramref name="workspace"/>. The engine writes dataset paths relative to the repository root
    /// (the folder above the gate file that contains <c>.git</c>) and other paths either absolute or as
    /// the gate file gives them, so a relative path is looked up under the repository root first, then
    /// beside the gate file.
    /// </summary>
    public static GateResult Normalize(GateResult result, string workspace, string gatePath)
    {
        var repositoryRoot = GateRunner.FindRepositoryRoot(gatePath);
        var gateFolder = Path.GetDirectoryName(Path.GetFullPath(gatePath))!;
        var cache = new Dictionary<string, string>(StringComparer.Ordinal);
        string Map(string file)
        {
            if (!cache.TryGetValue(file, out var mapped))
            {
                mapped = Relative(workspace, Locate(file, repositoryRoot, gateFolder));
                cache[file] = mapped;
            }

            return mapped;
        }

        return result with
        {
            GateFile = Relative(workspace, Path.GetFullPath(gatePath)),
            Findings = [.. result.Findings.Select(f => f.File is { Length: > 0 } file ? f with { File = Map(file) } : f)],
        };
    }

    /// <summary>Returns a path relative to the workspace with forward slashes, or the full path when outside it.</summary>
    public static string Relative(string workspace, string path)
    {
        var full = Path.GetFullPath(path, workspace);
        return (IsInside(workspace, full) ? Path.GetRelativePath(workspace, full) : full).Replace('\\', '/');
    }

    /// <summary>Tells whether <paramref name="path"/>, relative to the workspace or absolute, lies inside it.</summary>
    public static bool IsInside(string workspace, string path)
    {
        var relative = Path.GetRelativePath(workspace, Path.GetFullPath(path, workspace));
        return relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            && !Path.IsPathRooted(relative);
    }

    private static string Locate(string file, string repositoryRoot, string gateFolder)
    {
        if (Path.IsPathRooted(file))
        {
            return file;
        }

        var underRoot = Path.GetFullPath(file, repositoryRoot);
        if (File.Exists(underRoot))
        {
            return underRoot;
        }

        var besideGate = Path.GetFullPath(file, gateFolder);
        return File.Exists(besideGate) ? besideGate : underRoot;
    }

    /// <summary>Returns whether a finding's file is one the runner can place in the repository.</summary>
    internal static bool IsPlaceable(Finding finding) =>
        !string.IsNullOrEmpty(finding.File) && !Path.IsPathRooted(finding.File);
}
