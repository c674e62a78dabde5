using System.Globalization;
using AnnotationGate.MSBuild.Reporting;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace AnnotationGate.MSBuild;

/// <summary>
/// Logs the findings of a JSON report as MSBuild diagnostics, which print as
/// <c>file(line,column): error CODE: message</c> and carry the rule's help link.
/// </summary>
public sealed class FindingLogger
{
    private readonly TaskLoggingHelper _log;
    private readonly string _root;
    private readonly string _gateFile;
    private readonly bool _warningsAsErrors;

    /// <param name="log">The task's logger.</param>
    /// <param name="root">Repository root the gate ran with; relative finding paths resolve against it.</param>
    /// <param name="gateFile">Full path of the gate file, the location of findings that have no file.</param>
    /// <param name="warningsAsErrors">Logs warning findings as errors, as the gate counted them.</param>
    public FindingLogger(TaskLoggingHelper log, string root, string gateFile, bool warningsAsErrors)
    {
        _log = log;
        _root = root;
        _gateFile = gateFile;
        _warningsAsErrors = warningsAsErrors;
    }

    /// <summary>Logs every finding of <paramref name="report"/> and returns the number of errors logged.</summary>
    public int LogFindings(GateReport report)
    {
        var errors = 0;
        foreach (var finding in report.Findings ?? [])
        {
            if (Log(finding, _warningsAsErrors || report.WarningsAsErrors))
            {
                errors++;
            }
        }

        return errors;
    }

    /// <summary>Returns the text logged for a finding: its message, then its record and JSON pointer unless the message names them.</summary>
    public static string MessageOf(ReportFinding finding)
    {
        var message = (finding.Message ?? string.Empty).Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');
        var details = new List<string>();
        if (!string.IsNullOrEmpty(finding.RecordId) && !message.Contains("'" + finding.RecordId + "'"))
        {
            details.Add("record " + finding.RecordId);
        }

        // A gate-file error (a column, no record) is already placed exactly; its pointer would repeat it.
        var placedInGateFile = finding.Column is not null && string.IsNullOrEmpty(finding.RecordId);
        if (!string.IsNullOrEmpty(finding.JsonPointer) && !placedInGateFile && !message.Contains(finding.JsonPointer))
        {
            details.Add("at " + finding.JsonPointer);
        }

        return details.Count == 0 ? message : message + " [" + string.Join(" ", details) + "]";
    }

    /// <summary>
    /// Returns the full path a finding points at: its file resolved against the repository root, or the
    /// gate file when the finding has none.
    /// </summary>
    public string LocationOf(ReportFinding finding)
    {
        if (string.IsNullOrEmpty(finding.File))
        {
            return _gateFile;
        }

        try
        {
            return Path.GetFullPath(Path.Combine(_root, finding.File));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return finding.File!;
        }
    }

    private bool Log(ReportFinding finding, bool warningsAsErrors)
    {
        var code = finding.Code ?? string.Empty;
        var file = LocationOf(finding);
        var line = finding.Line ?? 0;
        var column = finding.Column ?? 0;
        var message = MessageOf(finding);
        var severity = finding.Severity ?? "error";
        if (severity == "error" || (severity == "warning" && warningsAsErrors))
        {
            _log.LogError(null, code, code, finding.HelpUri, file, line, column, 0, 0, message);
            return true;
        }

        if (severity == "warning")
        {
            _log.LogWarning(null, code, code, finding.HelpUri, file, line, column, 0, 0, message);
            return false;
        }

        // Notices are information: MSBuild shows them as messages at normal verbosity.
        _log.LogMessage(null, code, code, file, line, column, 0, 0, MessageImportance.Normal, "{0}", message);
        return false;
    }

    /// <summary>Returns the one-line summary of a run: verdict, gate, finding counts, checks and duration.</summary>
    public static string SummaryOf(GateReport report, string gateFile)
    {
        var counts = report.Counts ?? new ReportCounts();
        var checks = report.Checks ?? [];
        var passed = checks.Count(check => check.Status == "passed");
        var failed = checks.Count(check => check.Status == "failed");
        var verdict = (report.Verdict ?? "error").ToUpperInvariant();
        var text = string.Format(
            CultureInfo.InvariantCulture,
            "AnnotationGate: {0}, gate '{1}' ({2}): {3} error(s), {4} warning(s), {5} notice(s); {6} check(s): {7} passed, {8} failed; {9:0.00} s.",
            verdict,
            report.Gate?.Name,
            gateFile,
            counts.Error,
            counts.Warning,
            counts.Notice,
            checks.Length,
            passed,
            failed,
            report.DurationMs / 1000);
        return counts.Omitted > 0
            ? text + string.Format(CultureInfo.InvariantCulture, " {0} more finding(s) were counted but not logged; see the JSON report.", counts.Omitted)
            : text;
    }
}
