using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Reporting;
using AnnotationGate.Core.Results;
using Spectre.Console;

namespace AnnotationGate.Cli.Output;

/// <summary>
/// Prints a <see cref="GateResult"/> on the console. An interactive terminal gets the verdict, a
/// findings table and a metrics table per check; anything else (a pipe, a CI log, the MSBuild task)
/// gets one canonical line per finding, <c>path(line,col): error AG1001: message</c>, and a plain summary.
/// </summary>
public static class ConsoleReport
{
    /// <summary>Rows of the findings table in an interactive terminal; the rest are counted. Default 30.</summary>
    public const int DefaultMaxFindingRows = 30;

    /// <summary>Origin printed in a canonical line when a finding has no file.</summary>
    public const string ToolOrigin = "annotationgate";

    /// <summary>
    /// Returns whether the console is a terminal that a person watches: output not redirected, ANSI
    /// supported and interaction possible (Spectre.Console turns interaction off on CI servers).
    /// </summary>
    public static bool IsInteractive(IAnsiConsole console) =>
        console.Profile.Out.IsTerminal && console.Profile.Capabilities.Ansi && console.Profile.Capabilities.Interactive;

    /// <summary>
    /// Writes the report: tables to <paramref name="console"/> when <paramref name="interactive"/> is
    /// true, plain lines to <paramref name="plain"/> otherwise.
    /// </summary>
    public static void Write(GateResult result, IAnsiConsole console, TextWriter plain, bool interactive)
    {
        if (interactive)
        {
            WriteTables(result, console);
        }
        else
        {
            WritePlain(result, plain);
        }
    }

    /// <summary>
    /// Writes every kept finding as a canonical line, worst first, then one line per check and metric,
    /// then the omitted counts, and last the verdict line.
    /// </summary>
    public static void WritePlain(GateResult result, TextWriter writer)
    {
        foreach (var finding in ReportText.WorstFirst(result.Findings))
        {
            writer.WriteLine(CanonicalLine(finding));
        }

        foreach (var check in result.Checks)
        {
            writer.WriteLine(CheckLine(check));
            foreach (var metric in check.Metrics)
            {
                writer.WriteLine("  " + ReportText.MetricLine(metric));
            }
        }

        if (OmittedLine(result) is { } omitted)
        {
            writer.WriteLine(omitted);
        }

        writer.WriteLine(VerdictLine(result));
    }

    /// <summary>
    /// Formats a finding in the canonical MSBuild form: <c>path(line,col): error AG1001: message</c>.
    /// Without a file the origin is <c>annotationgate</c>; notices use the category <c>info</c>, which
    /// MSBuild logs as a message. The record id and JSON pointer follow the message unless it already quotes them.
    /// </summary>
    public static string CanonicalLine(Finding finding)
    {
        var category = finding.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "info",
        };
        return $"{Origin(finding)}: {category} {finding.Code}: {ReportText.OneLine(finding.Message)}{Where(finding)}";
    }

    /// <summary>Renders the verdict, the findings table (worst first, capped) and a metrics table per check.</summary>
    public static void WriteTables(GateResult result, IAnsiConsole console, int maxFindingRows = DefaultMaxFindingRows)
    {
        console.Write(new Rule(VerdictMarkup(result)) { Justification = Justify.Left });
        console.WriteLine();
        if (result.Findings.Count > 0)
        {
            console.Write(FindingsTable(result, maxFindingRows));
        }

        if (result.Checks.Count > 0)
        {
            console.Write(ChecksTable(result));
        }

        foreach (var check in result.Checks.Where(c => c.Metrics.Count > 0))
        {
            console.Write(MetricsTable(check));
        }

        if (OmittedLine(result) is { } omitted)
        {
            console.MarkupLine(Markup.Escape(omitted));
        }

        console.MarkupLine(VerdictMarkup(result));
    }

    private static string Origin(Finding finding)
    {
        if (string.IsNullOrEmpty(finding.File))
        {
            return ToolOrigin;
        }

        if (finding.Line is not { } line)
        {
            return finding.File;
        }

        var position = NumberFormat.Integer(line);
        if (finding.Column is { } column)
        {
            position += "," + NumberFormat.Integer(column);
        }

        return $"{finding.File}({position})";
    }

    private static string Where(Finding finding)
    {
        var parts = new List<string>();
        // Messages quote the values they name, so a short id such as 1 only counts when quoted.
        if (!string.IsNullOrEmpty(finding.RecordId) && IsMissingFromMessage(finding, $"'{finding.RecordId}'"))
        {
            parts.Add("record " + finding.RecordId);
        }

        // A gate-file error (a column, no record) is already placed exactly; its pointer would repeat it.
        var placedInGateFile = finding.Column is not null && string.IsNullOrEmpty(finding.RecordId);
        if (!string.IsNullOrEmpty(finding.JsonPointer) && !placedInGateFile && IsMissingFromMessage(finding, finding.JsonPointer))
        {
            parts.Add("at " + finding.JsonPointer);
        }

        return parts.Count == 0 ? string.Empty : $" [{ReportText.OneLine(string.Join(' ', parts))}]";
    }

    private static bool IsMissingFromMessage(Finding finding, string value) =>
        !finding.Message.Contains(value, StringComparison.Ordinal);

    private static string CheckLine(CheckResult check)
    {
        var text = $"check {check.Id} ({check.Type}): {ReportText.StatusPhrase(check)}";
        if (check.Status == CheckStatus.Error)
        {
            return text + ".";
        }

        var records = ReportText.Plural(check.RecordsChecked, "record");
        text += $", {NumberFormat.Count(check.RecordsFailed)} of {records} failed";
        return check.RecordsSkipped > 0 ? $"{text}, {NumberFormat.Count(check.RecordsSkipped)} skipped." : text + ".";
    }

    private static string? OmittedLine(GateResult result)
    {
        var omitted = ReportText.OmittedCount(result);
        if (omitted == 0)
        {
            return null;
        }

        var parts = result.Omitted
            .OrderByDescending(o => o.Severity)
            .ThenBy(o => o.Code, StringComparer.Ordinal)
            .Select(o => $"{o.Code} {ReportText.SeverityWord(o.Severity)} {NumberFormat.Count(o.Count)}");
        return $"{ReportText.Plural(omitted, "more finding")} counted but not kept ({string.Join(", ", parts)}).";
    }

    private static string VerdictLine(GateResult result) =>
        $"{ReportText.VerdictWord(result.Verdict)}: {ReportText.Counts(result)}. {ReportText.CheckCounts(result)}. "
        + $"Gate {result.GateName} ({result.GateFile}), {NumberFormat.Seconds(result.Duration)}.";

    private static string VerdictMarkup(GateResult result)
    {
        var color = result.Verdict switch
        {
            Verdict.Pass => "green",
            Verdict.Fail => "red",
            _ => "yellow",
        };
        var word = ReportText.VerdictWord(result.Verdict);
        return $"[bold {color}]{word}[/] {Markup.Escape(ReportText.Counts(result))}. "
            + $"{Markup.Escape(ReportText.CheckCounts(result))}. Gate {Markup.Escape(result.GateName)}.";
    }

    private static Table FindingsTable(GateResult result, int maxRows)
    {
        var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle("Findings, worst first") };
        table.AddColumns("Severity", "Code", "Location", "Record", "Message");
        var ordered = ReportText.WorstFirst(result.Findings);
        foreach (var finding in ordered.Take(maxRows))
        {
            table.AddRow(
                SeverityMarkup(finding.Severity),
                Markup.Escape(finding.Code),
                Markup.Escape(ReportText.Location(finding)),
                Markup.Escape(finding.RecordId ?? string.Empty),
                Markup.Escape(ReportText.OneLine(finding.Message)));
        }

        if (ordered.Count > maxRows)
        {
            table.Caption = new TableTitle($"…and {ReportText.Plural(ordered.Count - maxRows, "more finding")}.");
        }

        return table;
    }

    private static Table ChecksTable(GateResult result)
    {
        var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle("Checks") };
        table.AddColumns("Check", "Type", "Dataset", "Status", "Records", "Failed", "Skipped");
        table.Columns[4].RightAligned();
        table.Columns[5].RightAligned();
        table.Columns[6].RightAligned();
        foreach (var check in result.Checks)
        {
            table.AddRow(
                Markup.Escape(check.Id),
                Markup.Escape(check.Type),
                Markup.Escape(check.Dataset ?? string.Empty),
                StatusMarkup(check),
                NumberFormat.Count(check.RecordsChecked),
                NumberFormat.Count(check.RecordsFailed),
                NumberFormat.Count(check.RecordsSkipped));
        }

        return table;
    }

    private static Table MetricsTable(CheckResult check)
    {
        var title = $"Metrics of {check.Id} ({check.Type})";
        var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle(Markup.Escape(title)) };
        table.AddColumns("Metric", "Value", "n", "Threshold", "Result");
        table.Columns[2].RightAligned();
        foreach (var metric in check.Metrics)
        {
            table.AddRow(
                Markup.Escape(metric.Name),
                Markup.Escape(NumberFormat.Value(metric)),
                metric.Count is { } count ? NumberFormat.Count(count) : string.Empty,
                Markup.Escape(NumberFormat.Threshold(metric)),
                OutcomeMarkup(metric));
        }

        return table;
    }

    private static string SeverityMarkup(Severity severity) => severity switch
    {
        Severity.Error => "[red]error[/]",
        Severity.Warning => "[yellow]warning[/]",
        _ => "[blue]notice[/]",
    };

    private static string StatusMarkup(CheckResult check) => check.Status switch
    {
        CheckStatus.Passed => "[green]passed[/]",
        CheckStatus.Failed when check.StatusReason is { } reason => $"[red]failed[/] ({Markup.Escape(reason)})",
        CheckStatus.Failed => "[red]failed[/]",
        _ => "[yellow]could not run[/]",
    };

    private static string OutcomeMarkup(Metric metric) => metric.Passed switch
    {
        true => "[green]pass[/]",
        false => "[red]fail[/]",
        null => string.Empty,
    };
}
