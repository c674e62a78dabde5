using System.Text.Json;
using AnnotationGate.Core.Checks;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;
using AnnotationGate.Core.Tests.Checks.Fields;
using static AnnotationGate.Core.Tests.Checks.Fields.RecordCheckHarness;

namespace AnnotationGate.Core.Tests.Checks.Length;

public sealed class LengthCheckTests
{
    private const string Family = "👨‍👩‍👧";

    [Fact]
    public void Family_emoji_passes_max_one_grapheme()
    {
        var harness = new RecordCheckHarness();
        var check = harness.Create(Config(LengthUnit.Graphemes, max: 1))!;

        var outcomes = harness.Evaluate(check, Output(Family));

        outcomes.ShouldBe([CheckOutcome.Passed]);
        harness.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Family_emoji_fails_max_one_utf16()
    {
        var harness = new RecordCheckHarness();
        var check = harness.Create(Config(LengthUnit.Utf16, max: 1))!;

        var outcomes = harness.Evaluate(check, Output(Family));

        outcomes.ShouldBe([CheckOutcome.Failed]);
        var finding = harness.Findings.ShouldHaveSingleItem();
        finding.Code.ShouldBe(RuleCatalog.LengthOutOfBounds);
        finding.Message.ShouldStartWith(
            "Field 'output' has 8 UTF-16 code units, above the maximum of 1 UTF-16 code unit.");
        finding.JsonPointer.ShouldBe("/output");
        finding.Line.ShouldBe(1);
        finding.Check.ShouldBe("check-1");
    }

    [Fact]
    public void Token_message_names_the_tokenizer()
    {
        var harness = new RecordCheckHarness();
        var check = harness.Create(Config(LengthUnit.Tokens, max: 1, tokenizer: "o200k_base"))!;

        harness.Evaluate(check, Output("hello world"));

        harness.Findings.ShouldHaveSingleItem().Message
            .ShouldStartWith("Field 'output' has 2 tokens (o200k_base), above the maximum of 1 token (o200k_base).");
    }

    [Fact]
    public void Below_minimum_names_the_unit()
    {
        var harness = new RecordCheckHarness();
        var check = harness.Create(Config(LengthUnit.Words, min: 3))!;

        var outcomes = harness.Evaluate(check, Output("Hi there"), Output("这是中文"));

        outcomes.ShouldBe([CheckOutcome.Failed, CheckOutcome.Passed]);
        harness.Findings.ShouldHaveSingleItem().Message
            .ShouldStartWith("Field 'output' has 2 words, below the minimum of 3 words.");
    }

    [Fact]
    public void Missing_field_fails_not_skips()
    {
        var harness = new RecordCheckHarness();
        var check = harness.Create(Config(LengthUnit.Utf8Bytes, max: 10))!;

        var outcomes = harness.Evaluate(check, """{"reply":"hi"}""", Output("ok"));

        outcomes.ShouldBe([CheckOutcome.Failed, CheckOutcome.Passed]);
        var finding = harness.Findings.ShouldHaveSingleItem();
        finding.Code.ShouldBe(RuleCatalog.ValueNotText);
        finding.Message.ShouldContain("Field 'output' is missing");
        finding.JsonPointer.ShouldBe("/output");
    }

    [Fact]
    public void Object_value_fails_with_hint()
    {
        var harness = new RecordCheckHarness();
        var check = harness.Create(Config(LengthUnit.Graphemes, max: 10))!;

        var outcomes = harness.Evaluate(check, """{"output":{"text":"hi"}}""", """{"output":null}""");

        outcomes.ShouldBe([CheckOutcome.Failed, CheckOutcome.Failed]);
        harness.Findings.Select(f => f.Code).ShouldBe([RuleCatalog.ValueNotText, RuleCatalog.ValueNotText]);
        harness.Findings[0].Message.ShouldContain("holds an object; point the field at a text value");
        harness.Findings[1].Message.ShouldContain("is null");
    }

    [Fact]
    public void Numbers_measure_their_json_text()
    {
        var harness = new RecordCheckHarness();
        var check = harness.Create(Config(LengthUnit.CodePoints, max: 3))!;

        var outcomes = harness.Evaluate(check, """{"output":123}""", """{"output":1234.5}""", """{"output":true}""");

        outcomes.ShouldBe([CheckOutcome.Passed, CheckOutcome.Failed, CheckOutcome.Failed]);
    }

    [Fact]
    public void Field_never_found_is_reported()
    {
        var harness = new RecordCheckHarness();
        var check = harness.Create(Config(LengthUnit.Graphemes, max: 10, field: "outptu"))!;
        harness.Evaluate(check, Output("a"), Output("b"));

        var result = harness.Complete(check);

        result.Status.ShouldBe(CheckStatus.Failed);
        result.RecordsFailed.ShouldBe(2);
        var neverFound = harness.Findings.Single(f => f.Code == RuleCatalog.FieldNeverFound);
        neverFound.Message.ShouldBe(
            "Field path 'outptu' matched none of the 2 records of dataset 'outputs'. " +
            "The first record has the fields 'output'. Fix the field path.");
    }

    [Fact]
    public void Found_field_is_not_reported()
    {
        var harness = new RecordCheckHarness();
        var check = harness.Create(Config(LengthUnit.Graphemes, max: 10))!;
        harness.Evaluate(check, Output("a"));

        var result = harness.Complete(check);

        result.Status.ShouldBe(CheckStatus.Passed);
        harness.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Metrics_summarize_lengths_in_unit()
    {
        var harness = new RecordCheckHarness();
        var check = harness.Create(Config(LengthUnit.Graphemes, min: 1, max: 10))!;
        harness.Evaluate(check, [.. Enumerable.Range(1, 20).Select(n => Output(new string('x', n)))]);

        var result = harness.Complete(check);

        result.RecordsChecked.ShouldBe(20);
        result.RecordsFailed.ShouldBe(10);
        result.Summary.ShouldBe("Measured 'output' in graphemes on 20 records, bounds 1 to 10: 10 failed.");
        var metrics = result.Metrics.ToDictionary(m => m.Name);
        metrics["min-graphemes"].Value.ShouldBe(1);
        metrics["min-graphemes"].Passed.ShouldBe(true);
        metrics["mean-graphemes"].Value.ShouldBe(10.5);
        metrics["p95-graphemes"].Value.ShouldBe(19);
        metrics["max-graphemes"].Value.ShouldBe(20);
        metrics["max-graphemes"].Threshold.ShouldBe(10);
        metrics["max-graphemes"].Passed.ShouldBe(false);
    }

    [Fact]
    public void No_measured_record_leaves_metrics_undefined()
    {
        var harness = new RecordCheckHarness();
        var check = harness.Create(Config(LengthUnit.Words, max: 10))!;

        var result = harness.Complete(check);

        result.Metrics.ShouldAllBe(m => !m.Defined);
        result.Status.ShouldBe(CheckStatus.Passed);
    }

    [Theory]
    [InlineData(LengthUnit.Graphemes, null, null, null, "needs min, max or both")]
    [InlineData(LengthUnit.Graphemes, 5L, 2L, null, "min (5) is greater than max (2)")]
    [InlineData(LengthUnit.Graphemes, -1L, null, null, "The min length is negative")]
    [InlineData(LengthUnit.Tokens, null, 10L, null,
        "Unit tokens needs a tokenizer; add tokenizer: with one of cl100k_base, o200k_base.")]
    [InlineData(LengthUnit.Tokens, null, 10L, "gpt2",
        "Tokenizer 'gpt2' is not known; use one of cl100k_base, o200k_base.")]
    [InlineData(LengthUnit.Words, null, 10L, "o200k_base",
        "tokenizer applies only to unit tokens, and this check's unit is words.")]
    public void Invalid_config_is_rejected(LengthUnit unit, long? min, long? max, string? tokenizer, string expected)
    {
        var harness = new RecordCheckHarness();

        var check = harness.Create(Config(unit, min, max, tokenizer));

        check.ShouldBeNull();
        harness.Errors.ShouldHaveSingleItem().Message.ShouldContain(expected);
    }

    [Fact]
    public void Invalid_field_path_is_rejected()
    {
        var harness = new RecordCheckHarness();

        var check = harness.Create(Config(LengthUnit.Words, max: 3, field: "a..b"));

        check.ShouldBeNull();
        harness.Errors.ShouldHaveSingleItem().Message.ShouldContain("empty property name");
    }

    [Fact]
    public void Parallel_evaluation_counts_every_record()
    {
        var harness = new RecordCheckHarness();
        var check = harness.Create(Config(LengthUnit.Tokens, max: 3, tokenizer: "cl100k_base"))!;
        var parsed = Enumerable.Range(0, 2000)
            .Select(n => JsonDocument.Parse(Output(n % 2 == 0 ? "short" : "a longer text here")).RootElement)
            .ToArray();
        var context = harness.Context();

        Parallel.For(0, parsed.Length, i =>
            check.Evaluate(new DataRecord("outputs.jsonl", i + 1, i, parsed[i]), context));
        var result = harness.Complete(check);

        result.RecordsChecked.ShouldBe(2000);
        result.RecordsFailed.ShouldBe(1000);
        result.Metrics.Single(m => m.Name == "min-tokens").Value.ShouldBe(1);
        result.Metrics.Single(m => m.Name == "max-tokens").Value.ShouldBe(4);
    }

    private static LengthCheckConfig Config(
        LengthUnit unit, long? min = null, long? max = null, string? tokenizer = null, string field = "output") =>
        new() { Dataset = "outputs", Field = field, Unit = unit, Min = min, Max = max, Tokenizer = tokenizer };
}
