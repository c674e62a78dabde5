using System.Text.Json;
using AnnotationGate.Core.Engine;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Regression;
using AnnotationGate.Core.Reporting;
using AnnotationGate.Core.Results;
using Json.Schema;

namespace AnnotationGate.Core.Tests.Engine;

// A run compared with its baseline: where regression findings point, and how a check that
// regressed reads in the results and reports.
public sealed class GateRunnerRegressionTests : IDisposable
{
    private const int Items = 100;

    private const string Gate = """
        version: 1
        baseline: baselines/intent.json
        datasets:
          outputs: { path: outputs.jsonl, id: id }
          golden: { path: golden.jsonl, id: id, purpose: golden, labels: { field: intent, source: expert } }
        checks:
          - id: intent
            type: golden
            dataset: outputs
            golden: golden
            prediction: prediction
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Regression_is_placed_at_check_entry()
    {
        var gatePath = await RecordBaselineAsync(Gate);
        WriteOutputs(wrong: 30);

        var result = await RunAsync(gatePath);

        var regression = result.Findings.First(f => f.Code == RuleCatalog.SignificantRegression);
        regression.File.ShouldBe(gatePath);
        regression.Line.ShouldBe(7);
        regression.Column.ShouldBe(5);
        regression.Check.ShouldBe("intent");
    }

    [Fact]
    public async Task Check_missing_from_gate_points_at_baseline()
    {
        var gatePath = await RecordBaselineAsync(Gate);
        WriteOutputs(wrong: 0);
        _folder.Write("test.gate.yml", Gate.Replace("- id: intent", "- id: intent-v2", StringComparison.Ordinal));

        var result = await RunAsync(gatePath);

        var removed = result.Findings.Single(f => f.Code == RuleCatalog.CheckWithoutBaseline && f.Check == "intent");
        removed.File.ShouldBe("baselines/intent.json");
        removed.Line.ShouldBeNull();
        var added = result.Findings.Single(f => f.Code == RuleCatalog.CheckWithoutBaseline && f.Check == "intent-v2");
        added.File.ShouldBe(gatePath);
        added.Line.ShouldBe(7);
    }

    [Fact]
    public async Task Regressed_check_fails_with_reason()
    {
        var gatePath = await RecordBaselineAsync(Gate);
        WriteOutputs(wrong: 30);

        var result = await RunAsync(gatePath);

        result.Verdict.ShouldBe(Verdict.Fail);
        var check = result.Checks.Single(c => c.Id == "intent");
        check.Status.ShouldBe(CheckStatus.Failed);
        check.StatusReason.ShouldBe("regressed against baseline");
        check.Metrics.ShouldAllBe(m => m.Passed != false);
        ReportText.StatusPhrase(check).ShouldBe("failed (regressed against baseline)");
    }

    [Fact]
    public async Task Regressed_check_reads_failed_everywhere()
    {
        var gatePath = await RecordBaselineAsync(Gate);
        WriteOutputs(wrong: 30);

        var result = await RunAsync(gatePath);

        var markdown = MarkdownReport.Render(result);
        markdown.ShouldContain("| intent | golden | outputs | failed (regressed against baseline) |");
        markdown.ShouldContain("### intent (golden): failed (regressed against baseline)");
        var junit = JUnitReport.Render(result);
        junit.ShouldContain(
            "message=\"Check 'intent' failed: regressed against baseline; 30 of 100 records failed.\"");
        var json = JsonReport.Render(result);
        using var document = JsonDocument.Parse(json);
        var checkElement = document.RootElement.GetProperty("checks")[0];
        checkElement.GetProperty("status").GetString().ShouldBe("failed");
        checkElement.GetProperty("statusReason").GetString().ShouldBe("regressed against baseline");
        ReportSchema.Value.Evaluate(document.RootElement).IsValid.ShouldBeTrue();
        JsonReport.Read(json).Checks[0].StatusReason.ShouldBe("regressed against baseline");
    }

    [Fact]
    public async Task Regression_at_warning_keeps_check_passed()
    {
        var gatePath = await RecordBaselineAsync(Gate + "\nrules: { AG2010: warning }\n");
        WriteOutputs(wrong: 30);

        var result = await RunAsync(gatePath);

        result.Verdict.ShouldBe(Verdict.Pass);
        var regressions = result.Findings.Where(f => f.Code == RuleCatalog.SignificantRegression).ToList();
        regressions.Count.ShouldBe(2);
        regressions.ShouldAllBe(f => f.Severity == Severity.Warning);
        var check = result.Checks.Single(c => c.Id == "intent");
        check.Status.ShouldBe(CheckStatus.Passed);
        check.StatusReason.ShouldBeNull();
    }

    [Fact]
    public async Task Regression_warning_fails_with_warnings_as_errors()
    {
        var gatePath = await RecordBaselineAsync(Gate + "\nrules: { AG2010: warning }\n");
        WriteOutputs(wrong: 30);

        var result = await RunAsync(gatePath, warningsAsErrors: true);

        result.Verdict.ShouldBe(Verdict.Fail);
        result.Checks.Single(c => c.Id == "intent").StatusReason.ShouldBe("regressed against baseline");
    }

    [Fact]
    public async Task Unchanged_outputs_keep_check_passed()
    {
        var gatePath = await RecordBaselineAsync(Gate);

        var result = await RunAsync(gatePath);

        result.Verdict.ShouldBe(Verdict.Pass);
        result.Checks.Single(c => c.Id == "intent").Status.ShouldBe(CheckStatus.Passed);
        result.Checks.Single(c => c.Id == "intent").StatusReason.ShouldBeNull();
    }

    private static readonly Lazy<JsonSchema> ReportSchema = new(() => JsonSchema.FromText(
        File.ReadAllText(RepositoryPaths.PathOf("docs", "report.schema.json")),
        new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    private async Task<string> RecordBaselineAsync(string gate)
    {
        _folder.Write("golden.jsonl", string.Concat(Enumerable.Range(0, Items).Select(i =>
            $$"""{"id":"q{{i}}","intent":"{{Intent(i)}}"}""" + "\n")));
        WriteOutputs(wrong: 0);
        var gatePath = _folder.Write("test.gate.yml", gate);
        var runner = new GateRunner(new GateRunOptions { RepositoryRoot = _folder.Path, SkipBaseline = true });
        var recorded = await runner.RunAsync(gatePath);
        recorded.Verdict.ShouldBe(Verdict.Pass);
        BaselineStore.Write(Path.Combine(_folder.Path, "baselines", "intent.json"), recorded,
            BaselineFile.ComputeSha256(gatePath), TimeProvider.System);
        return gatePath;
    }

    private void WriteOutputs(int wrong) =>
        _folder.Write("outputs.jsonl", string.Concat(Enumerable.Range(0, Items).Select(i =>
            $$"""{"id":"q{{i}}","prediction":"{{(i < wrong ? "other" : Intent(i))}}"}""" + "\n")));

    private static string Intent(int i) => i % 2 == 0 ? "billing" : "shipping";

    private Task<GateResult> RunAsync(string gatePath, bool warningsAsErrors = false) =>
        new GateRunner(new GateRunOptions { RepositoryRoot = _folder.Path, WarningsAsErrors = warningsAsErrors })
            .RunAsync(gatePath);
}
