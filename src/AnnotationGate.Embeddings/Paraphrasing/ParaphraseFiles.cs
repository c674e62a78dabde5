using System.Text;

namespace AnnotationGate.Embeddings.Paraphrasing;

/// <summary>
/// Checks of the input and output paths of the paraphrase command, and the atomic write of its output.
/// </summary>
public static class ParaphraseFiles
{
    /// <summary>
    /// Throws <see cref="FileNotFoundException"/> when the inputs file is missing,
    /// <see cref="DirectoryNotFoundException"/> when the output folder is missing, and
    /// <see cref="IOException"/> when the output path, after following symbolic links, is the inputs file.
    /// </summary>
    public static void CheckPaths(string inputPath, string outputPath)
    {
        if (!File.Exists(inputPath))
        {
            var reason = Directory.Exists(inputPath) ? "is a folder, not a file" : "was not found";
            throw new FileNotFoundException(
                $"The inputs file '{inputPath}' {reason}. Check the path, or write a JSONL file with one "
                + """{"id": ..., "text": ...} object per line.""", inputPath);
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(outputPath))!;
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(
                $"The folder '{folder}' of --output '{outputPath}' does not exist. "
                + "Create it first, or write the output to an existing folder.");
        }

        if (Directory.Exists(outputPath))
        {
            var example = Path.Combine(outputPath, "variants.jsonl");
            throw new IOException($"--output '{outputPath}' is a folder. Name a file to write, such as '{example}'.");
        }

        var input = ResolveFinalPath(inputPath);
        var output = ResolveFinalPath(outputPath);
        if (string.Equals(input, output, PathComparison))
        {
            var through = string.Equals(Path.GetFullPath(inputPath), Path.GetFullPath(outputPath), PathComparison)
                ? ""
                : $" (through the symbolic link, it is '{output}')";
            throw new IOException(
                $"--output '{outputPath}' is the inputs file{through}; choose another file so the inputs are not overwritten.");
        }
    }

    /// <summary>
    /// Writes <paramref name="path"/> through a temporary file in the same folder that replaces it only
    /// when <paramref name="write"/> has finished, so a failed run leaves neither a partial file nor a
    /// changed earlier output. When <paramref name="path"/> is a symbolic link, the link itself is replaced.
    /// </summary>
    public static void WriteAtomically(string path, Action<TextWriter> write)
    {
        var fullPath = Path.GetFullPath(path);
        var temporary = Path.Combine(
            Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false)))
            {
                write(writer);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>
    /// Returns the absolute path with every symbolic link along it followed to its final target, folders
    /// included. Parts that do not exist stay as written.
    /// </summary>
    // NOTE: a hard link to the inputs file has a different path and is not detected.
    public static string ResolveFinalPath(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var root = Path.GetPathRoot(fullPath)!;
        var current = root;
        var parts = fullPath[root.Length..].Split(
            [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            current = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.LinkTarget is not null)
            {
                current = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? current;
            }
        }

        return current;
    }

    private static StringComparison PathComparison =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()
            ? StringComparison.OrdinalIgnoreCase
            : StringComparison.Ordinal;
}
