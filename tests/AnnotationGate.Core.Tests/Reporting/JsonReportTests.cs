using System.Text.Json;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Reporting;
using AnnotationGate.Core.Results;
using Json.Schema;

namespace AnnotationGate.Core.Tests.Reporting;

public sealed class JsonReportTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "report.schema.json")),
        new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    [Fact]
    public void Render_small_result_matches_schema()
    {
        var json = JsonReport.Render(SampleResults.Small());

        Validate(json).ShouldBeEmpty();
    }

    [Fact]
    public void Render_empty_result_matches_schema()
    {
        var result = new GateResult { GateName = "g", GateFile = "g.gate.yml", Verdict = Verdict.Error };

        Validate(JsonReport.Render(result)).ShouldBeEmpty();
    }

    [Fact]
    public void Schema_rejects_unknown_verdict()
    {
        var json = JsonReport.Render(SampleResults.Small())
            .Replace("\"verdict\": \"fail\"", "\"verdict\": \"maybe\"", StringComparison.Ordinal);

        Validate(json).ShouldNotBeEmpty();
    }

    [Fact]
    public void Render_writes_fields_in_stable_order()
    {
        using var document = JsonDocument.Parse(JsonReport.Render(SampleResults.Small()));

        var names = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();

        names.ShouldBe(
        [
            "formatVersion", "tool", "gate", "verdict", "startedAt", "durationMs", "warningsAsErrors",
            "counts", "findings", "omitted", "checks", "tables",
        ]);
    }

    [Fact]
    public void Render_writes_counts_and_finding_fields()
    {
        using var document = JsonDocument.Parse(JsonReport.Render(SampleResults.Small()));
        var root = document.RootElement;

        var finding = root.GetProperty("findings")[1];

        root.GetProperty("formatVersion").GetInt32().ShouldBe(1);
        root.GetProperty("tool").GetProperty("version").GetString().ShouldBe("1.2.3");
        root.GetProperty("counts").GetProperty("error").GetInt64().ShouldBe(1201);
        root.GetProperty("counts").GetProperty("omitted").GetInt64().ShouldBe(1200);
        finding.GetProperty("code").GetString().ShouldBe("AG1001");
        finding.GetProperty("jsonPointer").GetString().ShouldBe("/intent");
        finding.GetProperty("helpUri").GetString().ShouldBe(RuleCatalog.HelpUri("AG1001"));
    }

    [Fact]
    public void Render_leaves_out_undefined_value()
    {
        using var document = JsonDocument.Parse(JsonReport.Render(SampleResults.Small()));

        var kappa = document.RootElement.GetProperty("checks")[1].GetProperty("metrics")[1];

        kappa.TryGetProperty("value", out _).ShouldBeFalse();
        kappa.GetProperty("defined").GetBoolean().ShouldBeFalse();
        kappa.GetProperty("note").GetString().ShouldBe("All ratings agree.");
    }

    [Fact]
    public void Read_round_trips_every_field()
    {
        var original = SampleResults.Small() with { WarningsAsErrors = true };
        var json = JsonReport.Render(original);

        var read = JsonReport.Read(json);

        JsonReport.Render(read).ShouldBe(json);
        read.GateName.ShouldBe("support-bot");
        read.Verdict.ShouldBe(Verdict.Fail);
        read.StartedAt.ShouldBe(original.StartedAt);
        read.Duration.ShouldBe(TimeSpan.FromMilliseconds(1250));
        read.WarningsAsErrors.ShouldBeTrue();
        read.Findings.ShouldBe(original.Findings);
        read.Omitted.ShouldBe(original.Omitted);
    }

    [Fact]
    public void Read_round_trips_metrics_and_outcomes()
    {
        var original = SampleResults.Small();

        var read = JsonReport.Read(JsonReport.Render(original));

        var golden = read.Checks[1];
        golden.Metrics[0].ShouldBe(original.Checks[1].Metrics[0]);
        golden.Metrics[1].Defined.ShouldBeFalse();
        double.IsNaN(golden.Metrics[1].Value).ShouldBeTrue();
        golden.ItemOutcomes[0].Slices!["language"].ShouldBe("de");
        golden.ItemOutcomes[1].Predicted.ShouldBeNull();
        golden.Tables[0].Rows[1].ShouldBe(["other", "21", "79"]);
        read.Checks[0].RecordsFailed.ShouldBe(1201);
    }

    [Fact]
    public void Read_keeps_full_precision()
    {
        var result = SampleResults.Small() with
        {
            Checks = [new CheckResult("c", "golden") { Metrics = [new Metric("m", 0.1 + 0.2) { Lower = 1.0 / 3 }] }],
        };

        var read = JsonReport.Read(JsonReport.Render(result));

        read.Checks[0].Metrics[0].Value.ShouldBe(0.1 + 0.2);
        read.Checks[0].Metrics[0].Lower.ShouldBe(1.0 / 3);
    }

    [Fact]
    public void Read_newer_format_version_throws()
    {
        var json = JsonReport.Render(SampleResults.Small())
            .Replace("\"formatVersion\": 1", "\"formatVersion\": 2", StringComparison.Ordinal);

        var exception = Should.Throw<ReportFormatException>(() => JsonReport.Read(json));

        exception.Message.ShouldBe(
            "The JSON report has format version 2, but this AnnotationGate reads version 1 only. Update AnnotationGate to read it.");
    }

    [Theory]
    [InlineData("not json", "The JSON report is not valid JSON")]
    [InlineData("[]", "top-level value must be an object")]
    [InlineData("{\"formatVersion\": 1}", "The JSON report is missing the required property 'gate'.")]
    [InlineData("{\"formatVersion\": 1, \"gate\": {\"name\": 1, \"file\": \"f\"}, \"verdict\": \"pass\"}", "a value of the wrong kind")]
    public void Read_invalid_report_throws(string json, string expected)
    {
        var exception = Should.Throw<ReportFormatException>(() => JsonReport.Read(json));

        exception.Message.ShouldContain(expected);
    }

    [Fact]
    public void Read_stream_reads_written_report()
    {
        using var stream = new MemoryStream();
        JsonReport.Write(SampleResults.Small(), stream);
        stream.Position = 0;

        var read = JsonReport.Read(stream);

        read.Checks.Count.ShouldBe(2);
    }

    private static List<string> Validate(string json)
    {
        using var document = JsonDocument.Parse(json);
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
        var results = Schema.Value.Evaluate(document.RootElement, options);
        if (results.IsValid)
        {
            return [];
        }

        var all = (results.Details ?? []).Prepend(results).Where(d => d.Errors is not null);
        var errors = all.SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        return [.. errors.DefaultIfEmpty("invalid")];
    }
}
