using System.Xml.Linq;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Reporting;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Tests.Reporting;

public sealed class JUnitReportTests
{
    [Fact]
    public void Render_writes_one_suite_per_check()
    {
        var document = XDocument.Parse(JUnitReport.Render(SampleResults.Small()));

        var suites = document.Root!.Elements("testsuite").ToList();

        document.Root.Name.LocalName.ShouldBe("testsuites");
        suites.Select(s => (string?)s.Attribute("name")).ShouldBe(["format", "golden"]);
        ((int?)document.Root.Attribute("tests")).ShouldBe(3);
        ((int?)document.Root.Attribute("failures")).ShouldBe(2);
    }

    [Fact]
    public void Render_failed_check_has_failure_case()
    {
        var document = XDocument.Parse(JUnitReport.Render(SampleResults.Small()));

        var format = document.Root!.Elements("testsuite").First(s => (string?)s.Attribute("name") == "format");
        var cases = format.Elements("testcase").ToList();

        cases.Count.ShouldBe(2);
        cases[0].Element("failure")!.Attribute("message")!.Value
            .ShouldBe("Check 'format' failed: 1,201 of 1,500 records failed.");
        var finding = cases[1].Element("failure")!;
        finding.Attribute("type")!.Value.ShouldBe("AG1001");
        finding.Attribute("message")!.Value.ShouldBe("Value 'a|b' at /intent is not one of the allowed values.");
        finding.Value.ShouldContain("Location: data/out.jsonl:12:3");
        finding.Value.ShouldContain("JSON pointer: /intent");
        cases[1].Attribute("file")!.Value.ShouldBe("data/out.jsonl");
        cases[1].Attribute("line")!.Value.ShouldBe("12");
    }

    [Fact]
    public void Render_puts_warnings_in_system_out()
    {
        var document = XDocument.Parse(JUnitReport.Render(SampleResults.Small()));

        var golden = document.Root!.Elements("testsuite").First(s => (string?)s.Attribute("name") == "golden");

        golden.Elements("testcase").Count().ShouldBe(1);
        golden.Element("testcase")!.Element("failure").ShouldBeNull();
        golden.Element("system-out")!.Value
            .ShouldBe("data/golden.jsonl:7: warning AG2002: Golden item 'g-7' has no prediction.");
    }

    [Fact]
    public void Render_caps_finding_cases()
    {
        var xml = JUnitReport.Render(SampleResults.Many(30), maxFindingCases: 10);

        var format = XDocument.Parse(xml).Root!.Elements("testsuite").First();

        format.Elements("testcase").Count().ShouldBe(11);
        format.Element("system-out")!.Value
            .ShouldBe("20 more error findings not listed as test cases; the JSON report lists them.");
    }

    [Fact]
    public void Render_escapes_control_characters()
    {
        var result = SampleResults.Small() with
        {
            Findings = [new Finding(RuleCatalog.NotJson, Severity.Error, "Output 'a\u0001b <&>' is not JSON.") { Check = "format" }],
        };

        var xml = JUnitReport.Render(result);

        var failure = XDocument.Parse(xml).Descendants("failure").Last();
        failure.Attribute("message")!.Value.ShouldBe("Output 'a\\u0001b <&>' is not JSON.");
    }

    [Fact]
    public void Render_findings_without_check_form_gate_suite()
    {
        var result = new GateResult
        {
            GateName = "support-bot",
            GateFile = "g.gate.yml",
            Verdict = Verdict.Error,
            Findings = [new Finding(RuleCatalog.InvalidGateFile, Severity.Error, "Key 'chekcs' is not a gate-file key.") { File = "g.gate.yml", Line = 3 }],
        };

        var suite = XDocument.Parse(JUnitReport.Render(result)).Root!.Element("testsuite")!;

        suite.Attribute("name")!.Value.ShouldBe("support-bot");
        suite.Element("testcase")!.Attribute("name")!.Value.ShouldBe("AG0001 at g.gate.yml:3");
    }

    [Fact]
    public void Render_error_check_has_error_element()
    {
        var result = SampleResults.Small() with
        {
            Checks = [new CheckResult("format", "json-schema") { Status = CheckStatus.Error }],
            Findings = [],
        };

        var suite = XDocument.Parse(JUnitReport.Render(result)).Root!.Element("testsuite")!;

        suite.Attribute("errors")!.Value.ShouldBe("1");
        suite.Element("testcase")!.Element("error")!.Attribute("message")!.Value
            .ShouldBe("Check 'format' could not run.");
    }
}
