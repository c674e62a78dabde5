using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Labels.Policy;
using AnnotationGate.Core.Labels.Provenance;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Tests.Labels.Policy;

// AG3009 (label drift) compares LLM labels only with golden sets of the same labelling task.
public sealed class PolicyDriftTests : IDisposable
{
    private readonly PolicyGate _gate = new();

    public void Dispose() => _gate.Dispose();

    // Labels the first `first` items with classes[0], the next `second` with classes[1], the rest with classes[2].
    private static string ClassOf(int i, int first, int second, string classes = "abc")
    {
        if (i < first)
        {
            return classes[0].ToString();
        }

        return i < first + second ? classes[1].ToString() : classes[2].ToString();
    }

    private void WriteIntentGolden(string file) =>
        _gate.Jsonl(file, 210, i => $$"""{"id":"g{{i}}","intent":"{{ClassOf(i, 70, 70)}}"}""");

    private void WriteSkewedLlm(string file) =>
        _gate.Jsonl(file, 100, i => $$"""{"id":"t{{i}}","intent":"{{ClassOf(i, 70, 20)}}"}""");

    private void WriteSentimentGolden(string file) =>
        _gate.Jsonl(file, 90, i => $$"""{"id":"s{{i}}","intent":"{{(i % 3 == 0 ? "neg" : "pos")}}"}""");

    [Fact]
    public void Unrelated_golden_is_not_compared()
    {
        WriteIntentGolden("g.jsonl");
        WriteSentimentGolden("s.jsonl");
        WriteSkewedLlm("t.jsonl");

        var result = _gate.Run("""
            datasets:
              intent-golden: { path: g.jsonl, id: id, purpose: golden, labels: { field: intent, source: expert } }
              sentiment-golden: { path: s.jsonl, id: id, purpose: golden, labels: { field: intent, source: expert } }
              train: { path: t.jsonl, id: id, purpose: training, labels: { field: intent, source: llm, model: claude-3 } }
            """);

        var drift = result.With(RuleCatalog.LabelDistributionDrift).ShouldHaveSingleItem();
        drift.Message.ShouldContain("expert labels in 'intent-golden'");
        DriftMetrics(result).ShouldBe(["train.drift-p-value.intent-golden"]);
        result.With(RuleCatalog.LabelDriftNotTested).ShouldBeEmpty();
    }

    [Fact]
    public void Disjoint_labels_report_notice_only()
    {
        WriteIntentGolden("g.jsonl");
        _gate.Jsonl("t.jsonl", 30, i => $$"""{"id":"t{{i}}","tone":"{{(i < 20 ? "polite" : "curt")}}"}""");

        var result = _gate.Run("""
            datasets:
              golden: { path: g.jsonl, id: id, purpose: golden, labels: { field: intent, source: expert } }
              tone: { path: t.jsonl, id: id, purpose: training, labels: { field: tone, source: llm, model: claude-3 } }
            """);

        result.With(RuleCatalog.LabelDistributionDrift).ShouldBeEmpty();
        DriftMetrics(result).ShouldBeEmpty();
        var notice = result.With(RuleCatalog.LabelDriftNotTested).ShouldHaveSingleItem();
        notice.Severity.ShouldBe(Severity.Notice);
        notice.Dataset.ShouldBe("tone");
        notice.Message.ShouldBe(
            "LLM labels in 'tone' ('polite', 'curt') share fewer than half of their values with the expert " +
            "labels of every golden set: 'golden' ('a', 'b', 'c'). They look like another labelling task, so " +
            "drift was not tested. If one of these sets is their reference, name it in labels.drift-reference.");
    }

    [Fact]
    public void Named_reference_is_only_comparison()
    {
        WriteIntentGolden("g.jsonl");
        _gate.Jsonl("h.jsonl", 100, i => $$"""{"id":"h{{i}}","intent":"{{ClassOf(i, 70, 20)}}"}""");
        WriteSkewedLlm("t.jsonl");

        var result = _gate.Run("""
            datasets:
              old-golden: { path: g.jsonl, id: id, purpose: golden, labels: { field: intent, source: expert } }
              new-golden: { path: h.jsonl, id: id, purpose: golden, labels: { field: intent, source: expert } }
              train:
                path: t.jsonl
                id: id
                purpose: training
                labels: { field: intent, source: llm, model: claude-3, drift-reference: new-golden }
            """);

        DriftMetrics(result).ShouldBe(["train.drift-p-value.new-golden"]);
        result.Metric("train.drift-p-value.new-golden").Value.ShouldBe(1, tolerance: 1e-9);
        result.With(RuleCatalog.LabelDistributionDrift).ShouldBeEmpty();
    }

    [Fact]
    public void Named_reference_overrides_overlap_rule()
    {
        _gate.Jsonl("g.jsonl", 40, i => $$"""{"id":"g{{i}}","intent":"{{ClassOf(i, 20, 10, "axy")}}"}""");
        _gate.Jsonl("t.jsonl", 40, i => $$"""{"id":"t{{i}}","intent":"{{ClassOf(i, 20, 10)}}"}""");

        var result = _gate.Run("""
            datasets:
              golden: { path: g.jsonl, id: id, purpose: golden, labels: { field: intent, source: expert } }
              train:
                path: t.jsonl
                id: id
                labels: { field: intent, source: llm, model: claude-3, drift-reference: golden }
            """);

        DriftMetrics(result).ShouldBe(["train.drift-p-value.golden"]);
        result.With(RuleCatalog.LabelDistributionDrift).ShouldHaveSingleItem().Message.ShouldContain("df 4");
        result.With(RuleCatalog.LabelDriftNotTested).ShouldBeEmpty();
    }

    [Fact]
    public void Named_reference_without_expert_labels_notices()
    {
        WriteSkewedLlm("t.jsonl");
        WriteSkewedLlm("u.jsonl");

        var result = _gate.Run("""
            datasets:
              other: { path: u.jsonl, id: id, labels: { field: intent, source: llm, model: claude-3 } }
              train:
                path: t.jsonl
                id: id
                labels: { field: intent, source: llm, model: claude-3, drift-reference: other }
            """);

        var notice = result.With(RuleCatalog.LabelDriftNotTested).ShouldHaveSingleItem();
        notice.Dataset.ShouldBe("train");
        notice.Message.ShouldStartWith(
            "labels.drift-reference of 'train' names 'other', which has no expert labels, so the drift");
        DriftMetrics(result).ShouldBeEmpty();
    }

    [Fact]
    public void Named_disjoint_reference_notices()
    {
        WriteSentimentGolden("s.jsonl");
        WriteSkewedLlm("t.jsonl");

        var result = _gate.Run("""
            datasets:
              sentiment: { path: s.jsonl, id: id, purpose: golden, labels: { field: intent, source: expert } }
              train:
                path: t.jsonl
                id: id
                labels: { field: intent, source: llm, model: claude-3, drift-reference: sentiment }
            """);

        result.With(RuleCatalog.LabelDistributionDrift).ShouldBeEmpty();
        result.With(RuleCatalog.LabelDriftNotTested).ShouldHaveSingleItem().Message.ShouldStartWith(
            "LLM labels in 'train' ('a', 'b', 'c') share no value with the expert labels in 'sentiment' " +
            "('pos', 'neg'), which labels.drift-reference names");
    }

    [Theory]
    [InlineData("a b x y z", "a b c", true)]
    [InlineData("a b", "a b c d", true)]
    [InlineData("a b c d", "a x y z", false)]
    [InlineData("a b c d", "a b x y", true)]
    [InlineData("pos neg", "a b c", false)]
    public void Label_space_overlap_rule(string llmValues, string expertValues, bool related)
    {
        var llm = Slice(LabelSource.Llm, llmValues);
        var expert = Slice(LabelSource.Expert, expertValues);

        PolicyRules.SharesLabelSpace(llm, expert).ShouldBe(related);
    }

    [Fact]
    public void Unknown_reference_is_configuration_error()
    {
        var path = _gate.Folder + "/policy.gate.yml";
        File.WriteAllText(path, """
            version: 1
            datasets:
              golden: { path: g.jsonl, id: id, purpose: golden, labels: { field: intent, source: expert } }
              train:
                path: t.jsonl
                labels: { field: intent, source: llm, drift-reference: goldn }
            """);

        var error = Should.Throw<GateConfigurationException>(() => GateFileLoader.Load(path)).Errors
            .ShouldHaveSingleItem();

        error.Line.ShouldBe(6);
        error.Message.ShouldBe("labels.drift-reference of dataset 'train' names 'goldn', which is not a dataset " +
            "of this gate file. Use one of: golden.");
    }

    [Fact]
    public void Self_reference_is_configuration_error()
    {
        var path = _gate.Folder + "/policy.gate.yml";
        File.WriteAllText(path, """
            version: 1
            datasets:
              train: { path: t.jsonl, labels: { field: intent, source: llm, drift-reference: train } }
            """);

        var error = Should.Throw<GateConfigurationException>(() => GateFileLoader.Load(path)).Errors
            .ShouldHaveSingleItem();

        error.Line.ShouldBe(3);
        error.Message.ShouldStartWith("labels.drift-reference of dataset 'train' names the dataset itself.");
    }

    private static List<string> DriftMetrics(GateResult result) =>
        [.. result.Policy().Metrics.Select(m => m.Name).Where(n => n.Contains(".drift-p-value.", StringComparison.Ordinal))];

    private static SourceSlice Slice(LabelSource source, string values)
    {
        var slice = new SourceSlice(source);
        foreach (var value in values.Split(' '))
        {
            slice.Distribution[value] = 1;
        }

        return slice;
    }
}
