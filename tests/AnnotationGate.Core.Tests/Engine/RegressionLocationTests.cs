using AnnotationGate.Core.Engine;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Regression;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Tests.Engine;

// Regression findings point at the gate file entry of the check that regressed.
public sealed class RegressionLocationTests : IDisposable
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

    private Task<GateResult> RunAsync(string gatePath) =>
        new GateRunner(new GateRunOptions { RepositoryRoot = _folder.Path }).RunAsync(gatePath);
}
