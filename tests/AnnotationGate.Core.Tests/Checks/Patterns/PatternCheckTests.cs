using AnnotationGate.Core.Checks;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;
using AnnotationGate.Core.Tests.Checks.Fields;
using static AnnotationGate.Core.Tests.Checks.Fields.RecordCheckHarness;

namespace AnnotationGate.Core.Tests.Checks.Patterns;

public sealed class PatternCheckTests
{
    [Fact]
    public void Must_match_passes_and_fails()
    {
        var harness = new RecordCheckHarness();
        var check = harness.Create(Config(mustMatch: [@"^\{", @"\}$"]))!;

        var outcomes = harness.Evaluate(check, Output("{\"a\":1}"), Output("Sure! {\"a\":1}"));

        outcomes.ShouldBe([CheckOutcome.Passed, CheckOutcome.Failed]);
        var finding = harness.Findings.ShouldHaveSingleItem();
        finding.Code.ShouldBe(RuleCatalog.PatternNotMatched);
        finding.Message.ShouldBe(
            "Field 'output' does not match the required pattern '^\\{': \"Sure! {\"a\":1}\". " +
            "Fix the output, or the pattern.");
        finding.Line.ShouldBe(2);
        finding.JsonPointer.ShouldBe("/output");
    }

    [Fact]
    public void Must_not_match_quotes_the_match()
    {
        var harness = new RecordCheckHarness();
        var check = harness.Create(Config(mustNotMatch: [@"\b\d{3}-\d{2}-\d{4}\b", "As an AI"]))!;

        var outcomes = harness.Evaluate(check, Output("Your SSN is 123-45-6789."), Output("Clean reply."));

        outcomes.ShouldBe([CheckOutcome.Failed, CheckOutcome.Passed]);
        var finding = harness.Findings.ShouldHaveSingleItem();
        finding.Code.ShouldBe(RuleCatalog.ForbiddenPatternMatched);
        finding.Message.ShouldContain("at \"123-45-6789\" (character 13)");
    }

    [Fact]
    public void Long_match_is_cut_to_80_characters()
    {
        var harness = new RecordCheckHarness();
        var check = harness.Create(Config(mustNotMatch: ["x+"]))!;

        harness.Evaluate(check, Output(new string('x', 200)));

        harness.Findings.ShouldHaveSingleItem().Message.ShouldContain($"at \"{new string('x', 80)}…\"");
    }

    [Fact]
    public void Ignore_case_applies_to_every_pattern()
    {
        var harness = new RecordCheckHarness();
        var config = Config(mustMatch: ["^answer:"], mustNotMatch: ["as an ai"]);
        config.IgnoreCase = true;
        var check = harness.Create(config)!;

        var outcomes = harness.Evaluate(check, Output("ANSWER: yes"), Output("Answer: As An AI, no"));

        outcomes.ShouldBe([CheckOutcome.Passed, CheckOutcome.Failed]);
        harness.Findings.ShouldHaveSingleItem().Code.ShouldBe(RuleCatalog.ForbiddenPatternMatched);
    }

    [Fact]
    public void Case_matters_by_default()
    {
        var harness = new RecordCheckHarness();
        var check = harness.Create(Config(mustMatch: ["^answer:"]))!;

        var outcomes = harness.Evaluate(check, Output("ANSWER: yes"));

        outcomes.ShouldBe([CheckOutcome.Failed]);
    }

    [Fact]
    public void Both_failures_are_reported()
    {
        var harness = new RecordCheckHarness();
        var check = harness.Create(Config(mustMatch: ["^OK"], mustNotMatch: ["error"]))!;

        var outcomes = harness.Evaluate(check, Output("an error occurred"));

        outcomes.ShouldBe([CheckOutcome.Failed]);
        harness.Findings.Select(f => f.Code)
            .ShouldBe([RuleCatalog.PatternNotMatched, RuleCatalog.ForbiddenPatternMatched], ignoreOrder: true);
    }

    [Fact]
    public void Missing_field_fails_and_is_reported_once()
    {
        var harness = new RecordCheckHarness();
        var check = harness.Create(Config(mustMatch: ["."]))!;

        var outcomes = harness.Evaluate(check, """{"reply":"x"}""");
        harness.Complete(check);

        outcomes.ShouldBe([CheckOutcome.Failed]);
        harness.Findings.Select(f => f.Code)
            .ShouldBe([RuleCatalog.ValueNotText, RuleCatalog.FieldNeverFound], ignoreOrder: true);
    }

    [Fact]
    public void Slow_pattern_times_out_and_fails()
    {
        var harness = new RecordCheckHarness();
        var check = harness.Create(Config(mustMatch: ["^(a+)+$"]))!;

        var outcomes = harness.Evaluate(check, Output(new string('a', 40) + "!"));

        outcomes.ShouldBe([CheckOutcome.Failed]);
        harness.Findings.ShouldHaveSingleItem().Message.ShouldStartWith(
            "Pattern '^(a+)+$' took longer than 1 s on this record, so the record fails.");
    }

    [Fact]
    public void Invalid_regex_is_a_config_error()
    {
        var harness = new RecordCheckHarness();

        var check = harness.Create(Config(mustMatch: ["ok"], mustNotMatch: ["(unclosed"]));

        check.ShouldBeNull();
        var error = harness.Errors.ShouldHaveSingleItem();
        error.Message.ShouldStartWith("Pattern '(unclosed' is not a valid .NET regular expression:");
        error.Message.ShouldContain("Not enough )'s");
        error.Pointer.ShouldBe("/checks/0/must-not-match/0");
    }

    [Fact]
    public void No_pattern_is_a_config_error()
    {
        var harness = new RecordCheckHarness();

        var check = harness.Create(Config());

        check.ShouldBeNull();
        harness.Errors.ShouldHaveSingleItem().Message.ShouldContain("at least one pattern");
    }

    [Fact]
    public void Result_counts_failed_records()
    {
        var harness = new RecordCheckHarness();
        var check = harness.Create(Config(mustNotMatch: ["bad"]))!;
        harness.Evaluate(check, Output("good"), Output("bad"), Output("fine"));

        var result = harness.Complete(check);

        result.Status.ShouldBe(CheckStatus.Failed);
        result.RecordsChecked.ShouldBe(3);
        result.RecordsFailed.ShouldBe(1);
        result.Summary.ShouldBe("Matched 'output' against 0 required and 1 forbidden patterns on 3 records: 1 failed.");
    }

    private static PatternCheckConfig Config(string[]? mustMatch = null, string[]? mustNotMatch = null) =>
        new()
        {
            Dataset = "outputs",
            Field = "output",
            MustMatch = [.. mustMatch ?? []],
            MustNotMatch = [.. mustNotMatch ?? []],
        };
}
