using System.Text.Json;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Reporting;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Tests.Reporting;

public sealed class SarifReportTests
{
    [Fact]
    public void Render_writes_schema_version_and_driver()
    {
        using var document = JsonDocument.Parse(SarifReport.Render(SampleResults.Small()));
        var root = document.RootElement;

        var driver = root.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");

        root.GetProperty("$schema").GetString().ShouldBe("https://json.schemastore.org/sarif-2.1.0.json");
        root.GetProperty("version").GetString().ShouldBe("2.1.0");
        driver.GetProperty("name").GetString().ShouldBe("AnnotationGate");
        driver.GetProperty("version").GetString().ShouldBe("1.2.3");
        driver.GetProperty("informationUri").GetString().ShouldBe(SarifReport.InformationUri);
    }

    [Fact]
    public void Render_lists_rule_for_each_used_code()
    {
        using var document = JsonDocument.Parse(SarifReport.Render(SampleResults.Small()));

        var driver = document.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");
        var rules = driver.GetProperty("rules");

        rules.GetArrayLength().ShouldBe(2);
        var rule = rules[0];
        rule.GetProperty("id").GetString().ShouldBe("AG1001");
        rule.GetProperty("name").GetString().ShouldBe("SchemaViolation");
        rule.GetProperty("shortDescription").GetProperty("text").GetString()
            .ShouldBe("An output does not match its JSON Schema.");
        rule.GetProperty("helpUri").GetString().ShouldBe(RuleCatalog.HelpUri("AG1001"));
        rule.GetProperty("defaultConfiguration").GetProperty("level").GetString().ShouldBe("error");
        rules[1].GetProperty("defaultConfiguration").GetProperty("level").GetString().ShouldBe("warning");
    }

    [Fact]
    public void Render_writes_result_with_location_and_properties()
    {
        using var document = JsonDocument.Parse(SarifReport.Render(SampleResults.Small()));

        var result = document.RootElement.GetProperty("runs")[0].GetProperty("results")[0];

        result.GetProperty("ruleId").GetString().ShouldBe("AG1001");
        result.GetProperty("level").GetString().ShouldBe("error");
        result.GetProperty("message").GetProperty("text").GetString()
            .ShouldBe("Value 'a|b' at /intent is not one of the allowed values.");
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        location.GetProperty("artifactLocation").GetProperty("uri").GetString().ShouldBe("data/out.jsonl");
        location.GetProperty("region").GetProperty("startLine").GetInt32().ShouldBe(12);
        location.GetProperty("region").GetProperty("startColumn").GetInt32().ShouldBe(3);
        result.GetProperty("properties").GetProperty("jsonPointer").GetString().ShouldBe("/intent");
        result.GetProperty("properties").GetProperty("recordId").GetString().ShouldBe("r-12");
    }

    [Theory]
    [InlineData(Severity.Error, "error")]
    [InlineData(Severity.Warning, "warning")]
    [InlineData(Severity.Notice, "note")]
    public void Level_maps_severity(Severity severity, string expected)
    {
        SarifReport.Level(severity).ShouldBe(expected);
    }

    [Fact]
    public void Render_notice_without_file_has_no_location()
    {
        var gate = SampleResults.Small() with
        {
            Findings = [new Finding(RuleCatalog.PredictionForUnknownItem, Severity.Notice, "Prediction 'p-1' has no golden item.")],
            Omitted = [],
        };

        using var document = JsonDocument.Parse(SarifReport.Render(gate));

        var result = document.RootElement.GetProperty("runs")[0].GetProperty("results")[0];
        result.GetProperty("level").GetString().ShouldBe("note");
        result.TryGetProperty("locations", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("data\\out.jsonl", "data/out.jsonl")]
    [InlineData("my data/out #1.jsonl", "my%20data/out%20%231.jsonl")]
    [InlineData("/repo/data/out.jsonl", "file:///repo/data/out.jsonl")]
    public void ArtifactUri_uses_forward_slashes(string path, string expected)
    {
        SarifReport.ArtifactUri(path).ShouldBe(expected);
    }

    [Fact]
    public void Render_reports_omitted_counts_and_invocation()
    {
        using var document = JsonDocument.Parse(SarifReport.Render(SampleResults.Small()));
        var run = document.RootElement.GetProperty("runs")[0];

        var omitted = run.GetProperty("properties").GetProperty("omittedFindings")[0];

        omitted.GetProperty("ruleId").GetString().ShouldBe("AG1001");
        omitted.GetProperty("count").GetInt64().ShouldBe(1200);
        run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean().ShouldBeTrue();
    }
}
