using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Tests.Labels.Policy;

public sealed class PolicyRulesTests : IDisposable
{
    private readonly PolicyGate _gate = new();

    public void Dispose() => _gate.Dispose();

    private PolicyGate Labelled(string file, int count, string extra = "") =>
        _gate.Jsonl(file, count, i => $$"""{"id":"r{{i}}","intent":"{{(i % 2 == 0 ? "a" : "b")}}"{{extra}}}""");

    [Fact]
    public void Llm_golden_set_trips_AG3001()
    {
        Labelled("g.jsonl", 250);

        var result = _gate.Run("""
            datasets:
              golden: { path: g.jsonl, id: id, purpose: golden, labels: { field: intent, source: llm, model: claude-3-haiku } }
            """);

        result.With(RuleCatalog.LlmLabelsAsReference).ShouldHaveSingleItem().Message
            .ShouldContain("250 of 250 labels come from an LLM ('claude-3-haiku')");
        result.Verdict.ShouldBe(Verdict.Fail);
    }

    [Fact]
    public void Expert_golden_set_passes_AG3001()
    {
        Labelled("g.jsonl", 250);

        var result = _gate.Run("""
            datasets:
              golden: { path: g.jsonl, id: id, purpose: golden, labels: { field: intent, source: expert } }
            """);

        result.With(RuleCatalog.LlmLabelsAsReference).ShouldBeEmpty();
        result.Verdict.ShouldBe(Verdict.Pass);
    }

    [Fact]
    public void Per_record_llm_source_trips_AG3001()
    {
        _gate.Jsonl("g.jsonl", 250, i => $$"""{"id":"r{{i}}","intent":"a","by":"{{(i < 10 ? "llm" : "expert")}}"}""");

        var result = _gate.Run("""
            datasets:
              golden: { path: g.jsonl, id: id, purpose: golden, labels: { field: intent, source: expert, source-field: by } }
            """);

        result.With(RuleCatalog.LlmLabelsAsReference).ShouldHaveSingleItem().Message.ShouldContain("10 of 250 labels");
    }

    [Fact]
    public void Rule_severity_from_gate_file_applies()
    {
        Labelled("g.jsonl", 250);

        var result = _gate.Run("""
            datasets:
              golden: { path: g.jsonl, id: id, purpose: golden, labels: { field: intent, source: llm, model: claude-3 } }
            rules: { AG3001: warning }
            """);

        result.With(RuleCatalog.LlmLabelsAsReference).ShouldHaveSingleItem().Severity.ShouldBe(Severity.Warning);
        result.Verdict.ShouldBe(Verdict.Pass);
    }

    [Theory]
    [InlineData("gpt-4o-2024-08-06", "gpt-4o-mini", 1)]
    [InlineData("gpt-4o-2024-08-06", "claude-3-5-sonnet", 0)]
    [InlineData("meta-llama/Llama-3.1-8B-Instruct", "llama3-70b", 1)]
    [InlineData("acme-7b", "acme-labeller", 1)]
    public void Same_family_labels_trip_AG3002(string model, string labeller, int findings)
    {
        Labelled("t.jsonl", 10);

        var result = _gate.Run($$"""
            model: { name: {{model}} }
            model-families: { acme: [acme-] }
            datasets:
              train: { path: t.jsonl, id: id, purpose: training, labels: { field: intent, source: llm, model: {{labeller}} } }
            """);

        result.With(RuleCatalog.ClosedLoopLabels).Count.ShouldBe(findings);
    }

    [Fact]
    public void Unknown_labelling_model_is_AG3013()
    {
        Labelled("t.jsonl", 10);

        var result = _gate.Run("""
            model: { name: gpt-4o }
            datasets:
              train: { path: t.jsonl, id: id, purpose: training, labels: { field: intent, source: llm, model: house-v1 } }
            """);

        result.With(RuleCatalog.UnknownModelFamily).ShouldHaveSingleItem().Message.ShouldContain("'house-v1'");
        result.With(RuleCatalog.ClosedLoopLabels).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2, 2, 0)]
    [InlineData(2, 0, 1)]
    public void Review_sample_and_agreement_AG3004(int reviewed, int agreeing, int findings)
    {
        _gate.Jsonl("t.jsonl", 100, i => i < reviewed
            ? $$"""{"id":"r{{i}}","intent":"a","ok":true,"human":"{{(i < agreeing ? "a" : "b")}}"}"""
            : $$"""{"id":"r{{i}}","intent":"a"}""");

        var result = _gate.Run("""
            datasets:
              train:
                path: t.jsonl
                id: id
                purpose: training
                labels: { field: intent, source: llm, model: claude-3, reviewed: ok, review-label: human }
            """);

        result.With(RuleCatalog.LlmLabelsUnderReviewed).Count.ShouldBe(findings);
        result.Metric("train.review-share").Value.ShouldBe(reviewed / 100.0);
    }

    [Fact]
    public void Review_share_is_configurable()
    {
        _gate.Jsonl("t.jsonl", 100, i => $$"""{"id":"r{{i}}","intent":"a","ok":{{(i < 3 ? "true" : "false")}}}""");

        var result = _gate.Run("""
            datasets:
              train: { path: t.jsonl, id: id, labels: { field: intent, source: llm, model: claude-3, reviewed: ok } }
            policy: { min-review-share: 0.1 }
            """);

        var message = result.With(RuleCatalog.LlmLabelsUnderReviewed).ShouldHaveSingleItem().Message;
        message.ShouldContain("3 of 100 LLM labels reviewed by a human (3.0%)");
        message.ShouldContain("the policy needs 10.0%, that is 10 of them");
    }

    [Fact]
    public void Two_votes_per_item_trip_AG3005()
    {
        _gate.File("v.csv", "item,worker,label\n" + string.Concat(Enumerable.Range(0, 20).Select(i =>
            $"i{i},w1,{(i % 2 == 0 ? "a" : "b")}\ni{i},w2,{(i % 2 == 0 ? "a" : "b")}\n")));

        var result = _gate.Run("""
            datasets:
              votes: { path: v.csv, duplicate-ids: allow, labels: { field: label, source: crowd, item: item, annotator: worker } }
            """);

        result.With(RuleCatalog.WeakCrowdLabels).ShouldHaveSingleItem().Message
            .ShouldContain("20 of 20 items in 'votes' have fewer than 3 crowd votes");
    }

    [Fact]
    public void Agreeing_three_votes_pass_AG3005()
    {
        _gate.File("v.csv", "item,worker,label\n" + string.Concat(Enumerable.Range(0, 20).Select(i =>
            string.Concat(Enumerable.Range(1, 3).Select(w => $"i{i},w{w},{(i % 2 == 0 ? "a" : "b")}\n")))));

        var result = _gate.Run("""
            datasets:
              votes: { path: v.csv, duplicate-ids: allow, labels: { field: label, source: crowd, item: item, annotator: worker } }
            """);

        result.With(RuleCatalog.WeakCrowdLabels).ShouldBeEmpty();
        result.Metric("votes.krippendorff-alpha").Value.ShouldBe(1.0);
    }

    [Fact]
    public void Disagreeing_votes_trip_AG3005_on_alpha()
    {
        _gate.File("v.csv", "item,worker,label\n" + string.Concat(Enumerable.Range(0, 20).Select(i =>
            $"i{i},w1,a\ni{i},w2,b\ni{i},w3,{(i % 2 == 0 ? "a" : "b")}\n")));

        var result = _gate.Run("""
            datasets:
              votes: { path: v.csv, duplicate-ids: allow, labels: { field: label, source: crowd, item: item, annotator: worker } }
            """);

        result.With(RuleCatalog.WeakCrowdLabels).ShouldHaveSingleItem().Message.ShouldContain("Krippendorff's alpha");
    }

    [Theory]
    [InlineData("training", "", 1)]
    [InlineData("training", ", debiasing: inverse-propensity", 0)]
    [InlineData("monitoring", "", 0)]
    public void Behavioral_labels_need_debiasing_AG3006(string purpose, string debiasing, int findings)
    {
        Labelled("c.jsonl", 10);

        var result = _gate.Run($$"""
            datasets:
              clicks: { path: c.jsonl, id: id, purpose: {{purpose}}, labels: { field: intent, source: behavioral{{debiasing}} } }
            """);

        result.With(RuleCatalog.BehavioralLabelsWithoutDebiasing).Count.ShouldBe(findings);
    }

    [Theory]
    [InlineData(150, 1)]
    [InlineData(200, 0)]
    public void Golden_set_minimum_size_AG3007(int items, int findings)
    {
        Labelled("g.jsonl", items);

        var result = _gate.Run("""
            datasets:
              golden: { path: g.jsonl, id: id, purpose: golden, labels: { field: intent, source: expert } }
            """);

        result.With(RuleCatalog.GoldenSetTooSmall).Count.ShouldBe(findings);
        result.Metric("golden.golden-items").Threshold.ShouldBe(200);
    }

    [Fact]
    public void Golden_threshold_needs_more_items_AG3007()
    {
        Labelled("g.jsonl", 300);
        _gate.Jsonl("o.jsonl", 300, i => $$"""{"id":"r{{i}}","prediction":"a"}""");

        var result = _gate.Run("""
            datasets:
              golden: { path: g.jsonl, id: id, purpose: golden, labels: { field: intent, source: expert } }
              outputs: { path: o.jsonl, id: id, purpose: outputs }
            checks:
              - { type: golden, dataset: outputs, golden: golden, prediction: prediction, thresholds: { accuracy: 0.5 } }
            """);

        var message = result.With(RuleCatalog.GoldenSetTooSmall).ShouldHaveSingleItem().Message;
        message.ShouldContain("has 300 items; 381 are needed");
        message.ShouldContain("the 95% Wilson interval around the threshold 0.500 is within ±0.050");
    }

    [Theory]
    [InlineData("objective", 1)]
    [InlineData("judgement", 0)]
    public void Expert_labels_on_objective_task_AG3010(string kind, int findings)
    {
        Labelled("f.jsonl", 10);

        var result = _gate.Run($$"""
            datasets:
              formats: { path: f.jsonl, id: id, labels: { field: intent, source: expert }, task: { kind: {{kind}} } }
            """);

        result.With(RuleCatalog.ExpertLabelsOnObjectiveTask).Count.ShouldBe(findings);
    }

    [Fact]
    public void Labels_without_source_trip_AG3011()
    {
        Labelled("u.jsonl", 10);

        var result = _gate.Run("""
            datasets:
              unsourced: { path: u.jsonl, id: id, labels: { field: intent } }
            """);

        result.With(RuleCatalog.UndeclaredLabelSource).ShouldHaveSingleItem().Message
            .ShouldContain("10 of 10 labels with no declared source");
    }

    [Fact]
    public void Per_record_sources_pass_AG3011()
    {
        Labelled("u.jsonl", 10, ""","by":"expert" """.TrimEnd());

        var result = _gate.Run("""
            datasets:
              mixed: { path: u.jsonl, id: id, labels: { field: intent, source-field: by } }
            """);

        result.With(RuleCatalog.UndeclaredLabelSource).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("{ kind: subjective }", 1)]
    [InlineData("{ complexity: medium }", 0)]
    public void Declared_task_advice_AG3012(string task, int findings)
    {
        Labelled("t.jsonl", 10);

        var result = _gate.Run($$"""
            datasets:
              train: { path: t.jsonl, id: id, labels: { field: intent, source: llm, model: claude-3 }, task: {{task}} }
            """);

        result.With(RuleCatalog.SourcingAdvice).Count.ShouldBe(findings);
        result.Table("Sourcing advice").Rows.ShouldHaveSingleItem()[3].ShouldBe("llm");
    }
}
