using AnnotationGate.Core.Checks;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Tests.Checks.Fields;

public sealed class RequiredFieldsCheckTests
{
    [Fact]
    public void Present_fields_pass()
    {
        var harness = new RecordCheckHarness();
        var check = harness.Create(Config("id", "output.label", "tags[0]"))!;

        var outcomes = harness.Evaluate(check, """{"id":"1","output":{"label":"spam"},"tags":["a"]}""");

        outcomes.ShouldBe([CheckOutcome.Passed]);
        harness.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Each_missing_field_is_one_finding()
    {
        var harness = new RecordCheckHarness();
        var check = harness.Create(Config("id", "output.label", "output.score"))!;

        var outcomes = harness.Evaluate(check, """{"id":"1","output":{}}""");

        outcomes.ShouldBe([CheckOutcome.Failed]);
        harness.Findings.Count.ShouldBe(2);
        harness.Findings.ShouldAllBe(f => f.Code == RuleCatalog.RequiredFieldMissing);
        harness.Findings.Select(f => f.JsonPointer).ShouldBe(["/output/label", "/output/score"], ignoreOrder: true);
        harness.Findings.Select(f => f.Message).ShouldContain(
            "Required field 'output.label' is missing. Add it to the record, or fix the field path.");
    }

    [Theory]
    [InlineData("""{"output":null}""", "null")]
    [InlineData("""{"output":""}""", "an empty string")]
    [InlineData("""{"output":"  \n"}""", "only whitespace")]
    [InlineData("""{"output":[]}""", "[]")]
    [InlineData("""{"output":{}}""", "{}")]
    public void Empty_values_fail_by_default(string record, string described)
    {
        var harness = new RecordCheckHarness();
        var check = harness.Create(Config("output"))!;

        var outcomes = harness.Evaluate(check, record);

        outcomes.ShouldBe([CheckOutcome.Failed]);
        harness.Findings.ShouldHaveSingleItem().Message
            .ShouldBe($"Required field 'output' is empty ({described}). Fill it in, or set allow-empty: true.");
    }

    [Theory]
    [InlineData("""{"output":null}""")]
    [InlineData("""{"output":""}""")]
    [InlineData("""{"output":[]}""")]
    public void Allow_empty_accepts_empty_values(string record)
    {
        var harness = new RecordCheckHarness();
        var config = Config("output");
        config.AllowEmpty = true;
        var check = harness.Create(config)!;

        var outcomes = harness.Evaluate(check, record);

        outcomes.ShouldBe([CheckOutcome.Passed]);
    }

    [Theory]
    [InlineData("""{"output":0}""")]
    [InlineData("""{"output":false}""")]
    [InlineData("""{"output":"x"}""")]
    public void Zero_and_false_are_not_empty(string record)
    {
        var harness = new RecordCheckHarness();
        var check = harness.Create(Config("output"))!;

        var outcomes = harness.Evaluate(check, record);

        outcomes.ShouldBe([CheckOutcome.Passed]);
    }

    [Fact]
    public void Never_found_field_is_reported()
    {
        var harness = new RecordCheckHarness();
        var check = harness.Create(Config("output", "lable"))!;
        harness.Evaluate(check, """{"output":"a","label":"x"}""", """{"output":"b","label":"y"}""");

        var result = harness.Complete(check);

        result.Status.ShouldBe(CheckStatus.Failed);
        result.RecordsFailed.ShouldBe(2);
        var neverFound = harness.Findings.Where(f => f.Code == RuleCatalog.FieldNeverFound).ShouldHaveSingleItem();
        neverFound.Message.ShouldBe(
            "Field path 'lable' matched none of the 2 records of dataset 'outputs'. " +
            "The first record has the fields 'output', 'label'. Fix the field path.");
    }

    [Fact]
    public void Empty_field_list_is_rejected()
    {
        var harness = new RecordCheckHarness();

        var check = harness.Create(Config());

        check.ShouldBeNull();
        harness.Errors.ShouldHaveSingleItem().Message.ShouldContain("at least one field path");
    }

    [Fact]
    public void Invalid_field_path_is_rejected()
    {
        var harness = new RecordCheckHarness();

        var check = harness.Create(Config("ok", "bad["));

        check.ShouldBeNull();
        var error = harness.Errors.ShouldHaveSingleItem();
        error.Message.ShouldContain("without a closing ']'");
        error.Pointer.ShouldBe("/checks/0/fields/1");
    }

    private static RequiredFieldsCheckConfig Config(params string[] fields) =>
        new() { Dataset = "outputs", Fields = [.. fields] };
}
