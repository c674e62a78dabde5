using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Reporting;
using AnnotationGate.Core.Results;

namespace AnnotationGate.GitHub;

/// <summary>
/// Turns findings into workflow annotations within GitHub's limits. GitHub shows at most 10 error,
/// 10 warning and 10 notice annotations per step, and 50 per job. The writer therefore prints the
/// worst findings up to those limits, then one notice that counts the rest and names the JSON report.
/// </summary>
public static class AnnotationWriter
{
    /// <summary>Error annotations GitHub shows per step: 10.</summary>
    public const int MaxErrors = 10;

    /// <summary>
    /// Warning annotations printed for findings: 9, one below GitHub's 10 per step, so that the host's
    /// own warning (the pull-request comment could not be posted) stays visible.
    /// </summary>
    public const int MaxWarnings = 9;

    /// <summary>Notice annotations printed for findings: 9, leaving the 10th for the line that counts the rest.</summary>
    public const int MaxNotices = 9;

    /// <summary>
    /// Returns the annotation commands for <paramref name="result"/>, worst finding first, then the
    /// notice that counts the findings left out, if any. <paramref name="reportPath"/> is named there.
    /// </summary>
    public static IReadOnlyList<string> Format(GateResult result, string reportPath)
    {
        var lines = new List<string>();
        var budget = new Dictionary<Severity, int>
        {
            [Severity.Error] = MaxErrors,
            [Severity.Warning] = MaxWarnings,
            [Severity.Notice] = MaxNotices,
        };
        var leftOut = new Dictionary<Severity, long> { [Severity.Error] = 0, [Severity.Warning] = 0, [Severity.Notice] = 0 };
        foreach (var finding in ReportText.WorstFirst(result.Findings).Where(f => budget.ContainsKey(f.Severity)))
        {
            if (budget[finding.Severity] == 0)
            {
                leftOut[finding.Severity]++;
                continue;
            }

            budget[finding.Severity]--;
            lines.Add(Annotation(finding));
        }

        foreach (var omitted in result.Omitted.Where(o => leftOut.ContainsKey(o.Severity)))
        {
            leftOut[omitted.Severity] += omitted.Count;
        }

        if (LeftOutNotice(leftOut, reportPath) is { } notice)
        {
            lines.Add(notice);
        }

        return lines;
    }

    /// <summary>Formats one finding as an annotation titled with its rule code.</summary>
    public static string Annotation(Finding finding)
    {
        var command = finding.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "notice",
        };
        var placeable = WorkspacePaths.IsPlaceable(finding);
        var properties = new AnnotationProperties(
            placeable ? finding.File : null,
            placeable ? finding.Line : null,
            placeable ? finding.Column : null,
            $"{finding.Code}");
        return WorkflowCommands.Annotation(command, properties, finding.Message + Where(finding));
    }

    private static string Where(Finding finding)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(finding.RecordId))
        {
            parts.Add("record " + finding.RecordId);
        }

        if (!string.IsNullOrEmpty(finding.JsonPointer))
        {
            parts.Add("at " + finding.JsonPointer);
        }

        return parts.Count == 0 ? string.Empty : $" [{string.Join(' ', parts)}]";
    }

    private static string? LeftOutNotice(Dictionary<Severity, long> leftOut, string reportPath)
    {
        var total = leftOut.Values.Sum();
        if (total == 0)
        {
            return null;
        }

        var counts = string.Join(", ",
            ReportText.Plural(leftOut[Severity.Error], "error"),
            ReportText.Plural(leftOut[Severity.Warning], "warning"),
            ReportText.Plural(leftOut[Severity.Notice], "notice"));
        var message = $"AnnotationGate printed the worst findings as annotations and left out {ReportText.Plural(total, "more finding")} "
            + $"({counts}), because GitHub shows at most 10 annotations of each kind per step. "
            + $"The job summary lists the worst of them and the JSON report '{reportPath}' lists every kept finding.";
        return WorkflowCommands.Annotation("notice", new AnnotationProperties(Title: "AnnotationGate"), message);
    }
}
