using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Engine;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Tests.Checks.Paraphrase;

public sealed class ParaphraseGateFileTests : IDisposable
{
    private const string Gate = """
        version: 1
        datasets:
          outputs: { path: outputs.jsonl, id: id }
        checks:
          - type: paraphrase-consistency
            dataset: outputs
            group: paraphrase_group
            field: output
            compare: fields
            fields: [intent, priority]
            ignore-case: true
            min-similarity: 0.5
            max-inconsistent-groups: 0.1
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Gate_file_loads_paraphrase_keys()
    {
        var path = _folder.Write("p.gate.yml", Gate);

        var config = GateFileLoader.Load(path).Config.Checks.ShouldHaveSingleItem().ShouldBeOfType<ParaphraseCheckConfig>();

        config.Group.ShouldBe("paraphrase_group");
        config.Compare.ShouldBe(ParaphraseComparison.Fields);
        config.Fields.ShouldBe(["intent", "priority"]);
        config.IgnoreCase.ShouldBeTrue();
        config.MinSimilarity.ShouldBe(0.5);
        config.MaxInconsistentGroups.ShouldBe(0.1);
    }

    [Fact]
    public async Task Gate_run_fails_on_inconsistent_fields()
    {
        var path = _folder.Write("p.gate.yml", Gate);
        _folder.Write("outputs.jsonl", """
            {"id": "1", "paraphrase_group": "g", "output": {"intent": "Refund", "priority": 1}}
            {"id": "2", "paraphrase_group": "g", "output": {"intent": "refund", "priority": 1}}
            {"id": "3", "paraphrase_group": "h", "output": {"intent": "billing", "priority": 1}}
            {"id": "4", "paraphrase_group": "h", "output": {"intent": "account", "priority": 2}}
            """);

        var result = await new GateRunner(new GateRunOptions { RepositoryRoot = _folder.Path }).RunAsync(path);

        result.Verdict.ShouldBe(Verdict.Fail);
        result.Findings.ShouldHaveSingleItem().Code.ShouldBe(RuleCatalog.InconsistentParaphraseGroup);
        result.Checks.ShouldHaveSingleItem().Metrics.Single(m => m.Name == "min-group-similarity").Value.ShouldBe(0.0);
    }
}
