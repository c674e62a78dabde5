using System.Globalization;
using System.Text;
using System.Xml;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Reporting;

/// <summary>
/// Renders a <see cref="GateResult"/> as JUnit XML for CI test viewers: one test suite per check, one
/// test case for the check itself and one per error finding (capped per suite). Warnings and notices
/// go to the check's <c>system-out</c>. Findings that belong to no check form a suite named after the gate.
/// </summary>
public static class JUnitReport
{
    /// <summary>
    /// Maximum test cases per suite for error findings; <c>system-out</c> counts the rest. Default 100.
    /// </summary>
    public const int DefaultMaxFindingCases = 100;

    /// <summary>Renders the report as XML text, UTF-8 declared.</summary>
    public static string Render(GateResult result, int maxFindingCases = DefaultMaxFindingCases)
    {
        var builder = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true };
        using (var writer = XmlWriter.Create(builder, settings))
        {
            WriteSuites(writer, result, maxFindingCases);
        }

        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + builder.ToString().ReplaceLineEndings("\n") + "\n";
    }

    private static void WriteSuites(XmlWriter writer, GateResult result, int maxFindingCases)
    {
        var suites = BuildSuites(result, maxFindingCases);
        writer.WriteStartElement("testsuites");
        writer.WriteAttributeString("name", Clean("AnnotationGate: " + result.GateName));
        writer.WriteAttributeString("tests", Number(suites.Sum(s => s.Tests)));
        writer.WriteAttributeString("failures", Number(suites.Sum(s => s.Failures)));
        writer.WriteAttributeString("errors", Number(suites.Sum(s => s.Errors)));
        writer.WriteAttributeString("time", Seconds(result.Duration));
        foreach (var suite in suites)
        {
            WriteSuite(writer, result, suite);
        }

        writer.WriteEndElement();
    }

    private static List<Suite> BuildSuites(GateResult result, int maxFindingCases)
    {
        var byCheck = result.Findings.ToLookup(f => f.Check ?? string.Empty, StringComparer.Ordinal);
        var checkIds = result.Checks.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var suites = result.Checks
            .Select(c => new Suite(c.Id, c, ReportText.WorstFirst(byCheck[c.Id]), maxFindingCases))
            .ToList();
        var orphans = result.Findings.Where(f => f.Check is null || !checkIds.Contains(f.Check)).ToList();
        if (orphans.Count > 0)
        {
            suites.Insert(0, new Suite(result.GateName, null, ReportText.WorstFirst(orphans), maxFindingCases));
        }

        return suites;
    }

    private static void WriteSuite(XmlWriter writer, GateResult result, Suite suite)
    {
        writer.WriteStartElement("testsuite");
        writer.WriteAttributeString("name", Clean(suite.Name));
        writer.WriteAttributeString("tests", Number(suite.Tests));
        writer.WriteAttributeString("failures", Number(suite.Failures));
        writer.WriteAttributeString("errors", Number(suite.Errors));
        writer.WriteAttributeString("skipped", "0");
        if (suite.Check is not null)
        {
            WriteCheckCase(writer, result, suite);
        }

        foreach (var finding in suite.ListedErrors)
        {
            WriteFindingCase(writer, result, suite, finding);
        }

        WriteSystemOut(writer, suite);
        writer.WriteEndElement();
    }

    private static void WriteCheckCase(XmlWriter writer, GateResult result, Suite suite)
    {
        var check = suite.Check!;
        writer.WriteStartElement("testcase");
        writer.WriteAttributeString("classname", Clean(result.GateName + "." + check.Id));
        writer.WriteAttributeString("name", Clean($"{check.Id} ({check.Type})"));
        writer.WriteAttributeString("time", "0");
        if (check.Status != CheckStatus.Passed)
        {
            writer.WriteStartElement(check.Status == CheckStatus.Error ? "error" : "failure");
            writer.WriteAttributeString("message", Clean(CheckMessage(check)));
            writer.WriteAttributeString("type", check.Status == CheckStatus.Error ? "CheckError" : "CheckFailed");
            writer.WriteString(Clean(CheckDetail(check)));
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static void WriteFindingCase(XmlWriter writer, GateResult result, Suite suite, Finding finding)
    {
        writer.WriteStartElement("testcase");
        writer.WriteAttributeString("classname", Clean(result.GateName + "." + suite.Name));
        writer.WriteAttributeString("name", Clean(FindingName(finding)));
        if (!string.IsNullOrEmpty(finding.File))
        {
            writer.WriteAttributeString("file", Clean(finding.File));
        }

        if (finding.Line is { } line)
        {
            writer.WriteAttributeString("line", Number(line));
        }

        writer.WriteAttributeString("time", "0");
        writer.WriteStartElement("failure");
        writer.WriteAttributeString("message", Clean(ReportText.OneLine(finding.Message)));
        writer.WriteAttributeString("type", finding.Code);
        writer.WriteString(Clean(FindingDetail(finding)));
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteSystemOut(XmlWriter writer, Suite suite)
    {
        var lines = suite.Others.Select(FindingLine).ToList();
        if (suite.NotListed > 0)
        {
            var more = ReportText.Plural(suite.NotListed, "more error finding");
            lines.Add($"{more} not listed as test cases; the JSON report lists them.");
        }

        if (lines.Count == 0)
        {
            return;
        }

        writer.WriteStartElement("system-out");
        writer.WriteString(Clean(string.Join("\n", lines)));
        writer.WriteEndElement();
    }

    private static string CheckMessage(CheckResult check)
    {
        if (check.Status == CheckStatus.Error)
        {
            return $"Check '{check.Id}' could not run.";
        }

        var records = $"{NumberFormat.Count(check.RecordsFailed)} of "
            + $"{NumberFormat.Count(check.RecordsChecked)} records failed";
        return check.StatusReason is { } reason
            ? $"Check '{check.Id}' failed: {reason}; {records}."
            : $"Check '{check.Id}' failed: {records}.";
    }

    private static string CheckDetail(CheckResult check)
    {
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(check.Summary))
        {
            lines.Add(check.Summary);
        }

        lines.AddRange(check.Metrics.Select(ReportText.MetricLine));
        return string.Join("\n", lines);
    }

    private static string FindingName(Finding finding)
    {
        var name = finding.Code;
        if (finding.RecordId is not null)
        {
            name += " record " + finding.RecordId;
        }

        var location = ReportText.Location(finding);
        return location.Length > 0 ? $"{name} at {location}" : name;
    }

    private static string FindingDetail(Finding finding)
    {
        var lines = new List<string> { $"{finding.Code}: {finding.Message}" };
        AddIfPresent(lines, "Location", ReportText.Location(finding));
        AddIfPresent(lines, "Record", finding.RecordId);
        AddIfPresent(lines, "JSON pointer", finding.JsonPointer);
        lines.Add("Help: " + finding.HelpUri);
        return string.Join("\n", lines);
    }

    private static string FindingLine(Finding finding)
    {
        var location = ReportText.Location(finding);
        var prefix = location.Length > 0 ? location + ": " : string.Empty;
        var severity = ReportText.SeverityWord(finding.Severity);
        return $"{prefix}{severity} {finding.Code}: {ReportText.OneLine(finding.Message)}";
    }

    private static void AddIfPresent(List<string> lines, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            lines.Add($"{label}: {value}");
        }
    }

    /// <summary>
    /// Replaces characters that XML 1.0 cannot carry (control characters, lone surrogates) with
    /// <c>\uXXXX</c> text, so the document stays well-formed whatever a model wrote.
    /// </summary>
    internal static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan duration) =>
        NumberFormat.Fixed(duration.TotalSeconds, 3);

    private sealed class Suite
    {
        public Suite(string name, CheckResult? check, IReadOnlyList<Finding> findings, int maxFindingCases)
        {
            Name = name;
            Check = check;
            var errors = findings.Where(f => f.Severity == Severity.Error).ToList();
            ListedErrors = [.. errors.Take(maxFindingCases)];
            NotListed = errors.Count - ListedErrors.Count;
            Others = [.. findings.Where(f => f.Severity != Severity.Error)];
        }

        public string Name { get; }

        public CheckResult? Check { get; }

        public IReadOnlyList<Finding> ListedErrors { get; }

        public IReadOnlyList<Finding> Others { get; }

        public int NotListed { get; }

        public int Tests => (Check is null ? 0 : 1) + ListedErrors.Count;

        public int Failures => (Check?.Status == CheckStatus.Failed ? 1 : 0) + ListedErrors.Count;

        public int Errors => Check?.Status == CheckStatus.Error ? 1 : 0;
    }
}
