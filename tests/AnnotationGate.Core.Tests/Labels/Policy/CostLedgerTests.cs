namespace AnnotationGate.Core.Tests.Labels.Policy;

public sealed class CostLedgerTests : IDisposable
{
    private readonly PolicyGate _gate = new();

    public void Dispose() => _gate.Dispose();

    [Fact]
    public void Ledger_adds_review_and_crowd_overheads()
    {
        _gate.Jsonl("g.jsonl", 200, i => $$"""{"id":"i{{i}}","intent":"a"}""");
        _gate.Jsonl("l.jsonl", 1000, i => $$"""{"id":"l{{i}}","intent":"a"}""");
        _gate.File("v.csv", "item,worker,label\n" + string.Concat(Enumerable.Range(0, 100).Select(i =>
            $"i{i},w1,a\ni{i},w2,a\ni{i},w3,a\n")));

        var result = _gate.Run("""
            datasets:
              golden: { path: g.jsonl, id: id, purpose: golden, labels: { field: intent, source: expert } }
              llm: { path: l.jsonl, id: id, labels: { field: intent, source: llm, model: claude-3 } }
              votes: { path: v.csv, duplicate-ids: allow, labels: { field: label, source: crowd, item: item, annotator: worker } }
            policy: { pilot-share: 0.1, spam-share: 0.2 }
            costs: { expert: 2.0 }
            """);

        var rows = result.Table("Cost ledger").Rows;
        rows.Select(r => r[0]).ShouldBe(["golden", "llm", "votes"]);
        rows[0].ShouldBe(["golden", "expert", "200", "200", "$2.00", "$400.00", "$0.00", "$0.00", "$400.00", "$2.00"]);
        // 1000 LLM labels at $0.003, plus the 1-in-50 review sample (20 labels) at the expert rate.
        rows[1].ShouldBe(["llm", "llm", "1000", "1000", "$0.003", "$3.00", "$40.00", "$0.00", "$43.00", "$0.043"]);
        // 300 votes at $0.003 = $0.90; with a 10% pilot and 20% spam discarded: 0.90 * 1.1 / 0.8 = $1.2375.
        rows[2].ShouldBe(["votes", "crowd", "100", "300", "$0.003", "$0.90", "$0.00", "$0.3375", "$1.2375", "$0.0124"]);
    }

    [Fact]
    public void Unit_cost_of_a_dataset_overrides_costs()
    {
        _gate.Jsonl("t.jsonl", 10, i => $$"""{"id":"t{{i}}","intent":"a"}""");

        var result = _gate.Run("""
            datasets:
              train: { path: t.jsonl, id: id, labels: { field: intent, source: expert, unit-cost: 0.5 } }
            """);

        result.Table("Cost ledger").Rows.ShouldHaveSingleItem()[8].ShouldBe("$5.00");
    }
}
