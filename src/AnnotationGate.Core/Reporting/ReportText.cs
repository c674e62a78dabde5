using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Reporting;

/// <summary>Words, orderings and sentences that every reporter shares, so they all read alike.</summary>
public static class ReportText
{
    /// <summary>Returns the status word of a verdict: <c>PASS</c>, <c>FAIL</c> or <c>ERROR</c>.</summary>
    public static string VerdictWord(Verdict verdict) => verdict switch
    {
        Verdict.Pass => "PASS",
        Verdict.Fail => "FAIL",
        _ => "ERROR",
    };

    /// <summary>Returns the lower-case word of a check status: <c>passed</c>, <c>failed</c> or <c>error</c>.</summary>
    public static string StatusWord(CheckStatus status) => status switch
    {
        CheckStatus.Passed => "passed",
        CheckStatus.Failed => "failed",
        _ => "error",
    };

    /// <summary>Returns a check status for people: <c>passed</c>, <c>failed</c> or <c>could not run</c>.</summary>
    public static string StatusPhrase(CheckStatus status) =>
        status == CheckStatus.Error ? "could not run" : StatusWord(status);

    /// <summary>
    /// Returns a check's status for people, with its reason in brackets when it has one:
    /// <c>failed (regressed against baseline)</c>.
    /// </summary>
    public static string StatusPhrase(CheckResult check) =>
        check.StatusReason is { } reason ? $"{StatusPhrase(check.Status)} ({reason})" : StatusPhrase(check.Status);

    /// <summary>Returns the lower-case word of a severity: <c>error</c>, <c>warning</c>, <c>notice</c>.</summary>
    public static string SeverityWord(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Notice => "notice",
        _ => "off",
    };

    /// <summary>
    /// Orders findings worst first: by severity (descending), then file, line, column and code, so that
    /// the order does not depend on the order in which checks reported them.
    /// </summary>
    public static IReadOnlyList<Finding> WorstFirst(IEnumerable<Finding> findings) =>
    [
        .. findings
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.File ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.Line ?? 0)
            .ThenBy(f => f.Column ?? 0)
            .ThenBy(f => f.Code, StringComparer.Ordinal)
            .ThenBy(f => f.RecordId ?? string.Empty, StringComparer.Ordinal),
    ];

    /// <summary>Counts by severity, omitted findings included: <c>2 errors, 1 warning, 0 notices</c>.</summary>
    public static string Counts(GateResult result) =>
        string.Join(", ",
            Plural(result.Count(Severity.Error), "error"),
            Plural(result.Count(Severity.Warning), "warning"),
            Plural(result.Count(Severity.Notice), "notice"));

    /// <summary>
    /// Formats the checks by status: <c>3 checks: 2 passed, 1 failed</c>, and <c>, 1 could not run</c>
    /// when a check could not run.
    /// </summary>
    public static string CheckCounts(GateResult result)
    {
        var passed = result.Checks.Count(c => c.Status == CheckStatus.Passed);
        var failed = result.Checks.Count(c => c.Status == CheckStatus.Failed);
        var errors = result.Checks.Count(c => c.Status == CheckStatus.Error);
        var text = $"{Plural(result.Checks.Count, "check")}: {passed} passed, {failed} failed";
        return errors > 0 ? $"{text}, {errors} could not run" : text;
    }

    /// <summary>Returns <c>file:line:column</c> with the parts that are known, or an empty string.</summary>
    public static string Location(Finding finding)
    {
        if (string.IsNullOrEmpty(finding.File))
        {
            return string.Empty;
        }

        var text = finding.File;
        if (finding.Line is { } line)
        {
            text += ":" + NumberFormat.Integer(line);
            if (finding.Column is { } column)
            {
                text += ":" + NumberFormat.Integer(column);
            }
        }

        return text;
    }

    /// <summary>Number of findings that the result counted but did not keep in detail.</summary>
    public static long OmittedCount(GateResult result) => result.Omitted.Sum(o => o.Count);

    /// <summary>Formats a count with its noun, plural unless one: <c>1 error</c>, <c>3 errors</c>.</summary>
    public static string Plural(long count, string noun) =>
        NumberFormat.Count(count) + " " + (count == 1 ? noun : noun + "s");

    /// <summary>
    /// Formats a metric as one ASCII line for plain-text outputs:
    /// <c>accuracy: 0.842 [0.784, 0.887], n = 200, minimum 0.800: pass</c>.
    /// </summary>
    public static string MetricLine(Metric metric)
    {
        var text = $"{metric.Name}: {NumberFormat.Value(metric)}";
        if (metric.Count is { } count)
        {
            text += ", n = " + NumberFormat.Count(count);
        }

        if (metric.Threshold is { } threshold)
        {
            var bound = metric.ThresholdIsMaximum ? "maximum" : "minimum";
            text += $", {bound} {NumberFormat.Fixed(threshold)}";
            text += metric.Passed is null ? string.Empty : ": " + NumberFormat.Outcome(metric);
        }

        return text;
    }

    /// <summary>Replaces line breaks and tabs with spaces, for formats that need a message on one line.</summary>
    public static string OneLine(string text) =>
        text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' ');
}
