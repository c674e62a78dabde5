using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace AnnotationGate.MSBuild;

/// <summary>
/// Finds the files a gate reads, so that a build can tell whether a gate that passed must run again.
/// </summary>
public static class GateInputs
{
    // A quoted YAML or JSON string, or a bare word that could be a relative path.
    private static readonly Regex _token = new(
        @"'(?<value>[^']*)'|""(?<value>[^""]*)""|(?<value>[^\s,\[\]{}'""#]+)",
        RegexOptions.CultureInvariant);

    private static readonly Regex _comment = new(@"(^|\s)#.*$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Returns the full paths of the files that <paramref name="gateFile"/> names: every quoted or bare
    /// value that resolves, relative to the gate file's folder, to an existing file. Datasets, schema
    /// files and the baseline are named this way. A value that only looks like a path adds a file the
    /// gate does not read, which costs an extra run and never hides a change.
    /// </summary>
    /// <remarks>
    /// NOTE: files that named files refer to in turn (a JSON Schema <c>$ref</c> target, for example)
    /// are not found; the <c>AdditionalInputs</c> metadata of the gate item covers them.
    /// </remarks>
    public static IReadOnlyList<string> FindReferencedFiles(string gateFile)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(gateFile))!;
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(gateFile))
        {
            var text = _comment.Replace(line, string.Empty);
            foreach (Match match in _token.Matches(text))
            {
                var candidate = ResolveFile(folder, match.Groups["value"].Value.TrimEnd(':'));
                if (candidate is not null)
                {
                    files.Add(candidate);
                }
            }
        }

        files.Remove(Path.GetFullPath(gateFile));
        return [.. files];
    }

    /// <summary>
    /// Returns the stamp file name for a gate: its file name and a hash of its full path, so that two
    /// gates with the same name in different folders get different stamps.
    /// </summary>
    public static string StampName(string gateFile)
    {
        var full = Path.GetFullPath(gateFile);
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(full));
        var hex = new StringBuilder(16);
        for (var i = 0; i < 8; i++)
        {
            hex.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return Path.GetFileName(full) + "." + hex;
    }

    private static string? ResolveFile(string folder, string value)
    {
        if (value.Length == 0 || value.Length > 400 || value.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            return null;
        }

        try
        {
            var full = Path.GetFullPath(Path.Combine(folder, value));
            return File.Exists(full) ? full : null;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or IOException
            or UnauthorizedAccessException)
        {
            // A value that is no valid path on this system names no input.
            return null;
        }
    }
}
