using System.Security.Cryptography;
using System.Text;

namespace AnnotationGate.GitHub;

/// <summary>
/// Writes step outputs to the <c>GITHUB_OUTPUT</c> file. Every value uses the multi-line form
/// <c>name&lt;&lt;DELIMITER</c> … <c>DELIMITER</c> with a fresh random delimiter, so no value, whatever
/// it contains, can end the block early or set another output.
/// </summary>
public static class OutputFile
{
    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Formats the outputs in the file's syntax; delimiters come from a cryptographic random source.</summary>
    public static string Format(IEnumerable<KeyValuePair<string, string>> outputs)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in outputs)
        {
            var delimiter = NewDelimiter(value);
            builder.Append(name).Append("<<").Append(delimiter).Append('\n');
            builder.Append(value).Append('\n');
            builder.Append(delimiter).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Appends the outputs to <paramref name="path"/>, as the runner expects (the file may hold earlier outputs).</summary>
    public static void Append(string path, IEnumerable<KeyValuePair<string, string>> outputs) =>
        File.AppendAllText(path, Format(outputs), Utf8WithoutBom);

    private static string NewDelimiter(string value)
    {
        while (true)
        {
            var delimiter = "ghadelimiter_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            if (!value.Contains(delimiter, StringComparison.Ordinal))
            {
                return delimiter;
            }
        }
    }
}
