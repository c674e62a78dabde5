using System.Text;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Reporting;

/// <summary>Settings of a Markdown report.</summary>
public sealed record MarkdownReportOptions
{
    /// <summary>
    /// Maximum length in characters, at least 100. Default 60,000, because GitHub rejects a
    /// pull-request comment above 65,536 characters and a host may add a header.
    /// </summary>
    public int MaxLength { get; init; } = 60_000;

    /// <summary>Maximum rows of the findings table; the rest are counted in one line. Default 50.</summary>
    public int MaxFindingRows { get; init; } = 50;
}

/// <summary>
/// Renders a <see cref="GateResult"/> as GitHub-flavoured Markdown for a pull-request comment or a
/// job summary: the verdict first, then the worst findings, then one section per check.
/// </summary>
public static class MarkdownReport
{
    /// <summary>Smallest <see cref="MarkdownReportOptions.MaxLength"/> accepted: 100 characters.</summary>
    public const int MinimumLength = 100;

    private static readonly string[] FindingColumns = ["Severity", "Code", "Location", "Record", "Pointer", "Message"];
    private static readonly string[] CheckColumns =
        ["Check", "Type", "Dataset", "Status", "Records", "Failed", "Skipped"];
    private static readonly string[] MetricColumns = ["Metric", "Value", "n", "Threshold", "Result"];

    /// <summary>
    /// Renders the report. When the text exceeds <see cref="MarkdownReportOptions.MaxLength"/>, it leaves
    /// out detail until it fits, in this order: the tables of each check and of the gate, the per-check
    /// sections, then findings rows. A line under the verdict names what was left out. A last resort
    /// cuts the text at a line break.
    /// </summary>
    public static string Render(GateResult result, MarkdownReportOptions? options = null)
    {
        options ??= new MarkdownReportOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxLength, MinimumLength, nameof(options));
        var layouts = new[]
        {
            new Layout(options.MaxFindingRows, CheckSections: true, Tables: true, Note: null),
            new Layout(options.MaxFindingRows, true, false, "the tables of each check and of the gate"),
            new Layout(options.MaxFindingRows, false, false, "the section of each check and all tables"),
        };

        foreach (var layout in layouts)
        {
            var text = Render(result, layout, options.MaxLength);
            if (text.Length <= options.MaxLength)
            {
                return text;
            }
        }

        return RenderWithFewerFindings(result, options);
    }

    private static string RenderWithFewerFindings(GateResult result, MarkdownReportOptions options)
    {
        var rows = options.MaxFindingRows;
        while (rows > 0)
        {
            rows /= 2;
            var layout = new Layout(rows, false, false, "the section of each check, all tables and most findings");
            var text = Render(result, layout, options.MaxLength);
            if (text.Length <= options.MaxLength)
            {
                return text;
            }
        }

        var shortest = Render(result, new Layout(0, false, false, "most of the text"), options.MaxLength);
        return shortest.Length <= options.MaxLength ? shortest : Cut(shortest, options.MaxLength);
    }

    private static string Cut(string text, int maxLength)
    {
        const string Marker = "\n\n_The report was cut here to fit the size limit._\n";
        var keep = Math.Max(0, maxLength - Marker.Length);
        var cut = text.LastIndexOf('\n', Math.Max(0, Math.Min(keep, text.Length) - 1));
        return text[..Math.Max(0, cut)] + Marker;
    }

    private static string Render(GateResult result, Layout layout, int maxLength)
    {
        var builder = new StringBuilder();
        AppendVerdict(builder, result);
        AppendShortenedNote(builder, layout, maxLength);
        AppendFindings(builder, result, layout.FindingRows);
        AppendCheckOverview(builder, result);
        if (layout.CheckSections)
        {
            foreach (var check in result.Checks)
            {
                AppendCheck(builder, check, layout.Tables);
            }
        }

        if (layout.Tables)
        {
            foreach (var table in result.Tables)
            {
                AppendResultTable(builder, table, "###");
            }
        }

        return builder.ToString().TrimEnd('\n') + "\n";
    }

    private static void AppendVerdict(StringBuilder builder, GateResult result)
    {
        var word = ReportText.VerdictWord(result.Verdict);
        builder.Append("## AnnotationGate: ").Append(word).Append("\n\n");
        builder.Append("**").Append(word).Append("**: ").Append(ReportText.Counts(result)).Append(". ");
        builder.Append(ReportText.CheckCounts(result)).Append(".\n\n");
        builder.Append("Gate ").Append(MarkdownText.Inline(result.GateName));
        builder.Append(" (").Append(MarkdownText.Inline(result.GateFile)).Append("), AnnotationGate ");
        builder.Append(MarkdownText.Inline(result.ToolVersion)).Append(", ");
        builder.Append(NumberFormat.Seconds(result.Duration)).Append('.');
        if (result.WarningsAsErrors)
        {
            builder.Append(" Warnings count as errors in this run.");
        }

        builder.Append("\n\n");
    }

    private static void AppendShortenedNote(StringBuilder builder, Layout layout, int maxLength)
    {
        if (layout.Note is null)
        {
            return;
        }

        builder.Append("> This report leaves out ").Append(layout.Note).Append(" to stay under ");
        builder.Append(NumberFormat.Count(maxLength)).Append(" characters. The JSON report has every detail.\n\n");
    }

    private static void AppendFindings(StringBuilder builder, GateResult result, int maxRows)
    {
        if (result.Findings.Count == 0 && result.Omitted.Count == 0)
        {
            return;
        }

        builder.Append("### Findings\n\n");
        var ordered = ReportText.WorstFirst(result.Findings);
        if (maxRows > 0 && ordered.Count > 0)
        {
            MarkdownText.AppendTable(builder, FindingColumns, ordered.Take(maxRows).Select(FindingRow));
            builder.Append('\n');
        }

        var notListed = Math.Max(0, ordered.Count - maxRows);
        if (notListed > 0)
        {
            builder.Append("…and ").Append(ReportText.Plural(notListed, "more finding"));
            builder.Append(" not shown; the JSON report lists every kept finding.\n\n");
        }

        AppendOmitted(builder, result);
    }

    private static string[] FindingRow(Finding finding) =>
    [
        ReportText.SeverityWord(finding.Severity),
        $"[{finding.Code}]({finding.HelpUri})",
        MarkdownText.Cell(ReportText.Location(finding)),
        MarkdownText.Cell(finding.RecordId),
        MarkdownText.Cell(finding.JsonPointer),
        MarkdownText.Cell(finding.Message),
    ];

    private static void AppendOmitted(StringBuilder builder, GateResult result)
    {
        var omitted = ReportText.OmittedCount(result);
        if (omitted == 0)
        {
            return;
        }

        builder.Append(ReportText.Plural(omitted, "more finding")).Append(omitted == 1 ? " was" : " were");
        builder.Append(" counted but not kept, because the gate keeps at most max-findings-per-rule of each rule:\n\n");
        var rows = result.Omitted
            .OrderByDescending(o => o.Severity)
            .ThenBy(o => o.Code, StringComparer.Ordinal)
            .Select(o => (IReadOnlyList<string>)
                [o.Code, ReportText.SeverityWord(o.Severity), NumberFormat.Count(o.Count)]);
        MarkdownText.AppendTable(builder, ["Code", "Severity", "Count"], rows, new HashSet<int> { 2 });
        builder.Append('\n');
    }

    private static void AppendCheckOverview(StringBuilder builder, GateResult result)
    {
        if (result.Checks.Count == 0)
        {
            return;
        }

        builder.Append("### Checks\n\n");
        var rows = result.Checks.Select(c => (IReadOnlyList<string>)
        [
            MarkdownText.Cell(c.Id),
            MarkdownText.Cell(c.Type),
            MarkdownText.Cell(c.Dataset),
            ReportText.StatusPhrase(c),
            NumberFormat.Count(c.RecordsChecked),
            NumberFormat.Count(c.RecordsFailed),
            NumberFormat.Count(c.RecordsSkipped),
        ]);
        MarkdownText.AppendTable(builder, CheckColumns, rows, new HashSet<int> { 4, 5, 6 });
        builder.Append('\n');
    }

    private static void AppendCheck(StringBuilder builder, CheckResult check, bool tables)
    {
        builder.Append("### ").Append(MarkdownText.Inline(check.Id));
        builder.Append(" (").Append(MarkdownText.Inline(check.Type)).Append("): ");
        builder.Append(ReportText.StatusPhrase(check)).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(check.Summary))
        {
            builder.Append(MarkdownText.Inline(check.Summary)).Append("\n\n");
        }

        AppendItemOutcomes(builder, check);
        if (check.Metrics.Count > 0)
        {
            MarkdownText.AppendTable(builder, MetricColumns, check.Metrics.Select(MetricRow), new HashSet<int> { 2 });
            builder.Append('\n');
            AppendIntervalNote(builder, check.Metrics);
        }

        if (tables)
        {
            foreach (var table in check.Tables)
            {
                AppendResultTable(builder, table, "####");
            }
        }
    }

    private static void AppendItemOutcomes(StringBuilder builder, CheckResult check)
    {
        if (check.ItemOutcomes.Count == 0)
        {
            return;
        }

        var correct = check.ItemOutcomes.Count(o => o.Correct);
        var missing = check.ItemOutcomes.Count(o => o.Predicted is null);
        builder.Append("Golden items: ").Append(NumberFormat.Count(check.ItemOutcomes.Count)).Append(", ");
        builder.Append(NumberFormat.Count(correct)).Append(" correct, ");
        builder.Append(NumberFormat.Count(missing)).Append(" without a prediction.\n\n");
    }

    private static string[] MetricRow(Metric metric) =>
    [
        MarkdownText.Cell(metric.Name),
        metric.Defined ? NumberFormat.Value(metric) : MarkdownText.Cell(NumberFormat.Value(metric)),
        metric.Count is { } count ? NumberFormat.Count(count) : string.Empty,
        NumberFormat.Threshold(metric),
        NumberFormat.Outcome(metric),
    ];

    private static void AppendIntervalNote(StringBuilder builder, IReadOnlyList<Metric> metrics)
    {
        if (metrics.Any(m => m.Lower is not null && m.Upper is not null))
        {
            builder.Append("Values in brackets are 95% intervals.\n\n");
        }
    }

    private static void AppendResultTable(StringBuilder builder, ResultTable table, string heading)
    {
        builder.Append(heading).Append(' ').Append(MarkdownText.Inline(table.Title)).Append("\n\n");
        var rows = table.Rows.Select(row => (IReadOnlyList<string>)[.. row.Select(MarkdownText.Cell)]);
        MarkdownText.AppendTable(builder, table.Columns, rows);
        builder.Append('\n');
        if (!string.IsNullOrWhiteSpace(table.Note))
        {
            builder.Append(MarkdownText.Inline(table.Note)).Append("\n\n");
        }
    }

    private sealed record Layout(int FindingRows, bool CheckSections, bool Tables, string? Note);
}
