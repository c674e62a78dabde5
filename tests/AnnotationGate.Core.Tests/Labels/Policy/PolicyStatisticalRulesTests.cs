using AnnotationGate.Core.Findings;

namespace AnnotationGate.Core.Tests.Labels.Policy;

// Rules 3, 8 and 9 run on the leakage detector, confidence calibration and chi-square test.
public sealed class PolicyStatisticalRulesTests : IDisposable
{
    private const string Sentence =
        "My parcel to Lyon has been stuck at the depot for nine days and nobody answers the phone";

    private readonly PolicyGate _gate = new();

    public void Dispose() => _gate.Dispose();

    private const string LeakageGate = """
        datasets:
          golden: { path: g.jsonl, id: id, text: text, purpose: golden, labels: { field: intent, source: expert } }
          train: { path: t.jsonl, id: id, text: text, purpose: training }
        """;

    [Fact]
    public void Normalized_copy_trips_AG3003()
    {
        _gate.File("g.jsonl", $$"""{"id":"g1","text":"{{Sentence}}.","intent":"a"}""" + "\n");
        _gate.File("t.jsonl", $$"""{"id":"t1","text":"  {{Sentence.ToUpperInvariant()}}!"}""" + "\n" +
            """{"id":"t2","text":"How do I change the email address on my account"}""" + "\n");

        var result = _gate.Run(LeakageGate);

        var finding = result.With(RuleCatalog.GoldenLeakage).ShouldHaveSingleItem();
        finding.RecordId.ShouldBe("t1");
        finding.Line.ShouldBe(1);
        finding.Message.ShouldContain("Golden item 'g1' of 'golden' appears in training dataset 'train'");
    }

    [Fact]
    public void Near_duplicate_trips_AG3003()
    {
        _gate.File("g.jsonl", $$"""{"id":"g1","text":"{{Sentence}}","intent":"a"}""" + "\n");
        _gate.File("t.jsonl", $$"""{"id":"t1","text":"{{Sentence}} today"}""" + "\n");

        var result = _gate.Run(LeakageGate);

        result.With(RuleCatalog.GoldenLeakage).ShouldHaveSingleItem().Message.ShouldContain("near duplicate");
    }

    [Fact]
    public void Unrelated_training_passes_AG3003()
    {
        _gate.File("g.jsonl", $$"""{"id":"g1","text":"{{Sentence}}","intent":"a"}""" + "\n");
        _gate.File("t.jsonl", """{"id":"t1","text":"How do I change the email address on my account"}""" + "\n");

        var result = _gate.Run(LeakageGate);

        result.With(RuleCatalog.GoldenLeakage).ShouldBeEmpty();
        result.Metric("golden.leaked-into.train").Value.ShouldBe(0);
    }

    private const string ConfidenceGate = """
        datasets:
          train:
            path: t.jsonl
            id: id
            labels: { field: intent, source: llm, model: claude-3, reviewed: ok, review-label: human, confidence: p }
        """;

    [Fact]
    public void Confident_wrong_labels_trip_AG3008()
    {
        _gate.Jsonl("t.jsonl", 20, i =>
            $$"""{"id":"r{{i}}","intent":"a","ok":true,"human":"{{(i < 10 ? "b" : "a")}}","p":0.99}""");

        var result = _gate.Run(ConfidenceGate);

        var messages = result.With(RuleCatalog.OverconfidentLlmLabels).Select(f => f.Message).ToList();
        messages.Count.ShouldBe(2);
        messages[0].ShouldContain("10 of 10 LLM labels that humans disagree with");
        messages[1].ShouldContain("expected calibration error");
    }

    [Fact]
    public void Calibrated_confidences_pass_AG3008()
    {
        _gate.Jsonl("t.jsonl", 20, i =>
            $$"""{"id":"r{{i}}","intent":"a","ok":true,"human":"{{(i < 10 ? "b" : "a")}}","p":0.5}""");

        var result = _gate.Run(ConfidenceGate);

        result.With(RuleCatalog.OverconfidentLlmLabels).ShouldBeEmpty();
        result.Metric("train.overconfident-share").Value.ShouldBe(0);
    }

    [Fact]
    public void Crowd_disagreement_counts_for_AG3008()
    {
        _gate.Jsonl("t.jsonl", 10, i => $$"""{"id":"i{{i}}","intent":"a","p":0.99}""");
        _gate.File("v.csv", "item,worker,label\n" + string.Concat(Enumerable.Range(0, 10).Select(i =>
            $"i{i},w1,b\ni{i},w2,b\ni{i},w3,b\n")));

        var result = _gate.Run("""
            datasets:
              train: { path: t.jsonl, id: id, labels: { field: intent, source: llm, model: claude-3, confidence: p } }
              votes: { path: v.csv, duplicate-ids: allow, labels: { field: label, source: crowd, item: item, annotator: worker } }
            """);

        result.With(RuleCatalog.OverconfidentLlmLabels).ShouldHaveSingleItem().Message
            .ShouldContain("10 of 10 LLM labels that humans disagree with");
    }

    private const string DriftGate = """
        datasets:
          golden: { path: g.jsonl, id: id, purpose: golden, labels: { field: intent, source: expert } }
          train: { path: t.jsonl, id: id, purpose: training, labels: { field: intent, source: llm, model: claude-3 } }
        """;

    private static string ClassOf(int i, int a, int b) => i < a ? "a" : i < a + b ? "b" : "c";

    [Fact]
    public void Skewed_llm_labels_trip_AG3009()
    {
        _gate.Jsonl("g.jsonl", 210, i => $$"""{"id":"g{{i}}","intent":"{{ClassOf(i, 70, 70)}}"}""");
        _gate.Jsonl("t.jsonl", 100, i => $$"""{"id":"t{{i}}","intent":"{{ClassOf(i, 70, 20)}}"}""");

        var result = _gate.Run(DriftGate);

        result.With(RuleCatalog.LabelDistributionDrift).ShouldHaveSingleItem().Message.ShouldContain("driven by");
    }

    [Fact]
    public void Matching_distribution_passes_AG3009()
    {
        _gate.Jsonl("g.jsonl", 210, i => $$"""{"id":"g{{i}}","intent":"{{ClassOf(i, 70, 70)}}"}""");
        _gate.Jsonl("t.jsonl", 90, i => $$"""{"id":"t{{i}}","intent":"{{ClassOf(i, 30, 30)}}"}""");

        var result = _gate.Run(DriftGate);

        result.With(RuleCatalog.LabelDistributionDrift).ShouldBeEmpty();
    }
}
