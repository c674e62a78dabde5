using System.Text;
using AnnotationGate.MSBuild.Reporting;

namespace AnnotationGate.MSBuild.Tests;

public sealed class GateReportReaderTests
{
    // The example from the report format documentation, with properties this reader ignores.
    private const string Report = """
        {
          "formatVersion": 1,
          "tool": { "name": "AnnotationGate", "version": "0.1.0" },
          "gate": { "name": "support-bot", "file": "eval-configs/support.gate.yml" },
          "verdict": "fail",
          "startedAt": "2026-03-01T12:00:00+00:00",
          "durationMs": 1250,
          "warningsAsErrors": false,
          "counts": { "error": 1201, "warning": 1, "notice": 0, "omitted": 1200 },
          "findings": [
            {
              "code": "AG1001", "severity": "error",
              "message": "Value 'a|b' at /intent is not one of the allowed values.",
              "file": "data/out.jsonl", "line": 12, "column": 3,
              "jsonPointer": "/intent", "recordId": "r-12", "dataset": "outputs", "check": "format",
              "helpUri": "https://github.com/annotationgate/annotationgate/blob/main/docs/rules/AG1001.md"
            },
            { "code": "AG2003", "severity": "notice", "message": "Prediction 'p-1' has no golden item." }
          ],
          "omitted": [ { "code": "AG1001", "severity": "error", "count": 1200 } ],
          "checks": [
            { "id": "golden", "type": "golden", "status": "passed", "recordsChecked": 200,
              "metrics": [ { "name": "kappa", "defined": false, "note": "All ratings agree." } ] },
            { "id": "format", "type": "json-schema", "status": "failed" }
          ],
          "tables": []
        }
        """;

    [Fact]
    public void Read_documented_report_reads_findings()
    {
        var report = Read(Report);

        report.Verdict.ShouldBe("fail");
        report.Gate!.Name.ShouldBe("support-bot");
        report.Counts!.Omitted.ShouldBe(1200);
        report.Findings!.Length.ShouldBe(2);
        var first = report.Findings[0];
        first.Code.ShouldBe("AG1001");
        first.File.ShouldBe("data/out.jsonl");
        first.Line.ShouldBe(12);
        first.Column.ShouldBe(3);
        first.HelpUri.ShouldEndWith("/docs/rules/AG1001.md");
        report.Findings[1].Line.ShouldBeNull();
        report.Checks!.Select(check => check.Status).ShouldBe(["passed", "failed"]);
    }

    [Fact]
    public void Read_newer_format_version_rejected()
    {
        var exception = Should.Throw<InvalidDataException>(() => Read("""{ "formatVersion": 2, "verdict": "pass" }"""));

        exception.Message.ShouldContain("format version 2");
        exception.Message.ShouldContain("Update the AnnotationGate.MSBuild package");
    }

    [Fact]
    public void Read_cut_off_report_rejected()
    {
        var exception = Should.Throw<InvalidDataException>(() => Read(Report[..200]));

        exception.Message.ShouldStartWith("The JSON report 'report.json' is incomplete");
    }

    [Fact]
    public void Read_invalid_json_rejected()
    {
        var exception = Should.Throw<InvalidDataException>(() => Read("""{ "formatVersion": 1, "verdict": pass }"""));

        exception.Message.ShouldStartWith("The JSON report 'report.json' could not be read:");
    }

    [Fact]
    public void Read_other_json_rejected()
    {
        var exception = Should.Throw<InvalidDataException>(() => Read("""{ "name": "x" }"""));

        exception.Message.ShouldContain("is not an AnnotationGate JSON report");
    }

    [Fact]
    public void MessageOf_adds_record_and_pointer_once()
    {
        var report = Read(Report);

        FindingLogger.MessageOf(report.Findings![0]).ShouldBe("Value 'a|b' at /intent is not one of the allowed values. [record r-12]");
        FindingLogger.MessageOf(new ReportFinding { Message = "Line\nbreak.", RecordId = "q1", JsonPointer = "/x" })
            .ShouldBe("Line break. [record q1 at /x]");
    }

    [Fact]
    public void SummaryOf_counts_checks_and_omitted()
    {
        var report = Read(Report);

        var summary = FindingLogger.SummaryOf(report, "/repo/eval-configs/support.gate.yml");

        summary.ShouldBe(
            "AnnotationGate: FAIL, gate 'support-bot' (/repo/eval-configs/support.gate.yml): 1201 error(s), 1 warning(s), "
            + "0 notice(s); 2 check(s): 1 passed, 1 failed; 1.25 s. 1200 more finding(s) were counted but not logged; see the JSON report.");
    }

    private static GateReport Read(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return GateReportReader.Read(stream, "report.json");
    }
}
