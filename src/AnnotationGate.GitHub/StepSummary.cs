using System.Text;
using AnnotationGate.Core.Reporting;
using AnnotationGate.Core.Results;

namespace AnnotationGate.GitHub;

/// <summary>
/// Renders the job summary: the Markdown report, shortened by the reporter until its UTF-8 size is
/// under GitHub's per-step limit, because GitHub drops a larger summary entirely.
/// </summary>
public static class StepSummary
{
    /// <summary>GitHub's limit for one step's summary: 1 MiB (1,048,576 bytes).</summary>
    public const int GitHubLimitBytes = 1024 * 1024;

    /// <summary>Budget this host uses: 1,000,000 bytes, which leaves room for text other steps append.</summary>
    public const int DefaultMaxBytes = 1_000_000;

    /// <summary>Rows of the findings table in the summary: 200.</summary>
    public const int MaxFindingRows = 200;

    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Renders the summary with <paramref name="preamble"/> (for example a warning) before the report.
    /// The UTF-8 size of the whole text stays at or under <paramref name="maxBytes"/>.
    /// </summary>
    public static string Render(GateResult result, string preamble = "", int maxBytes = DefaultMaxBytes)
    {
        var budget = maxBytes - Utf8WithoutBom.GetByteCount(preamble);
        var maxLength = budget;
        while (true)
        {
            var options = new MarkdownReportOptions
            {
                MaxLength = Math.Max(MarkdownReport.MinimumLength, maxLength),
                MaxFindingRows = MaxFindingRows,
            };
            var markdown = MarkdownReport.Render(result, options);
            var bytes = Utf8WithoutBom.GetByteCount(markdown);
            if (bytes <= budget || options.MaxLength == MarkdownReport.MinimumLength)
            {
                return preamble + markdown;
            }

            // Characters outside ASCII take 2 to 4 bytes, so shrink the character budget in proportion.
            maxLength = (int)((long)options.MaxLength * budget / bytes) - 1;
        }
    }

    /// <summary>Appends the summary to <paramref name="path"/>, as the runner expects.</summary>
    public static void Append(string path, string summary) => File.AppendAllText(path, summary, Utf8WithoutBom);
}
