using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Tests.Checks.Paraphrase;

public sealed class ParaphraseConsistencyCheckTests : IDisposable
{
    private static readonly string[] Labels =
    [
        """{"id": "a1", "group": "reset", "intent": "account"}""",
        """{"id": "a2", "group": "reset", "intent": "account"}""",
        """{"id": "a3", "group": "reset", "intent": "account"}""",
        """{"id": "b1", "group": "refund", "intent": "billing"}""",
        """{"id": "b2", "group": "refund", "intent": "refund"}""",
        """{"id": "b3", "group": "refund", "intent": "billing"}""",
        """{"id": "c1", "group": "alone", "intent": "other"}""",
        """{"id": "d1", "intent": "other"}""",
    ];

    private readonly ParaphraseHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Exact_labels_fail_past_share()
    {
        var result = _harness.Run(Exact(), Labels);

        result.Status.ShouldBe(CheckStatus.Failed);
        result.RecordsChecked.ShouldBe(6);
        result.RecordsFailed.ShouldBe(1);
        result.RecordsSkipped.ShouldBe(2); // d1 has no group, c1 is alone in its group
        result.Metrics.Single(m => m.Name == "inconsistent-group-share").Value.ShouldBe(0.5);
        result.Summary.ShouldBe("1 of 2 paraphrase groups are inconsistent (50.0%; at most 5.0% allowed).");
        var finding = _harness.Of(RuleCatalog.InconsistentParaphraseGroup).ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.Error);
        finding.RecordId.ShouldBe("b2");
        finding.Line.ShouldBe(5);
        finding.Message.ShouldContain("group 'refund'");
        finding.Message.ShouldContain("Compared with 'b1', the outliers are 'b2' (0.000)");
    }

    [Fact]
    public void Exact_share_within_limit_warns()
    {
        var config = Exact();
        config.MaxInconsistentGroups = 0.5;

        var result = _harness.Run(config, Labels);

        result.Status.ShouldBe(CheckStatus.Passed);
        _harness.Of(RuleCatalog.InconsistentParaphraseGroup).ShouldHaveSingleItem().Severity.ShouldBe(Severity.Warning);
    }

    [Fact]
    public void Single_record_group_is_noticed()
    {
        _harness.Run(Exact(), Labels);

        var notice = _harness.Of(RuleCatalog.SingleRecordGroup).ShouldHaveSingleItem();
        notice.RecordId.ShouldBe("c1");
        notice.Severity.ShouldBe(Severity.Notice);
        notice.Message.ShouldContain("'alone'");
    }

    [Fact]
    public void Exact_ignore_case_trims_and_lowers()
    {
        var config = Exact();
        config.IgnoreCase = true;
        string[] lines =
        [
            """{"id": "1", "group": "g", "intent": "Billing "}""",
            """{"id": "2", "group": "g", "intent": "billing"}""",
        ];

        var result = _harness.Run(config, lines);

        result.Status.ShouldBe(CheckStatus.Passed);
        result.Metrics.Single(m => m.Name == "min-group-similarity").Value.ShouldBe(1.0);
    }

    [Fact]
    public void Fields_compare_json_outputs()
    {
        var config = new ParaphraseCheckConfig
        {
            Dataset = "outputs", Group = "group", Field = "output", Compare = ParaphraseComparison.Fields, Fields = ["intent", "priority"],
        };
        string[] lines =
        [
            """{"id": "1", "group": "g", "output": "{\"intent\": \"refund\", \"priority\": 2, \"reply\": \"Sure.\"}"}""",
            """{"id": "2", "group": "g", "output": "```json\n{\"intent\": \"refund\", \"priority\": 3, \"reply\": \"Yes.\"}\n```"}""",
            """{"id": "3", "group": "h", "output": {"intent": "billing", "priority": 1}}""",
            """{"id": "4", "group": "h", "output": {"priority": 1, "intent": "billing", "reply": "Other words."}}""",
        ];

        var result = _harness.Run(config, lines);

        result.Status.ShouldBe(CheckStatus.Failed);
        result.Metrics.Single(m => m.Name == "min-group-similarity").Value.ShouldBe(0.5);
        _harness.Of(RuleCatalog.InconsistentParaphraseGroup).ShouldHaveSingleItem().RecordId.ShouldBe("2");
        result.Tables.ShouldHaveSingleItem().Rows.ShouldHaveSingleItem()[0].ShouldBe("g");
    }

    [Fact]
    public void Fields_output_not_json_is_reported()
    {
        var config = new ParaphraseCheckConfig
        {
            Dataset = "outputs", Group = "group", Field = "output", Compare = ParaphraseComparison.Fields, Fields = ["intent"],
        };
        string[] lines = ["""{"id": "1", "group": "g", "output": "refund, probably"}"""];

        var result = _harness.Run(config, lines);

        _harness.Of(RuleCatalog.NotJson).ShouldHaveSingleItem().RecordId.ShouldBe("1");
        result.RecordsSkipped.ShouldBe(1);
    }

    [Fact]
    public void Input_id_groups_name_variants()
    {
        var config = new ParaphraseCheckConfig
        {
            Dataset = "outputs", InputId = "input", Variant = "variant", Field = "label", Compare = ParaphraseComparison.Exact,
        };
        string[] lines =
        [
            """{"input": "q1", "variant": 0, "label": "yes"}""",
            """{"input": "q1", "variant": 1, "label": "yes"}""",
            """{"input": "q1", "variant": 2, "label": "no"}""",
        ];

        var result = _harness.Run(config, lines);

        result.Status.ShouldBe(CheckStatus.Failed);
        _harness.Of(RuleCatalog.InconsistentParaphraseGroup).ShouldHaveSingleItem()
            .Message.ShouldContain("the outliers are 'variant 2 (line 3)' (0.000)");
    }

    [Fact]
    public void Missing_output_is_reported()
    {
        string[] lines = ["""{"id": "1", "group": "g"}""", """{"id": "2", "group": "g", "intent": "x"}"""];

        _harness.Run(Exact(), lines);

        var finding = _harness.Of(RuleCatalog.RequiredFieldMissing).ShouldHaveSingleItem();
        finding.RecordId.ShouldBe("1");
        finding.JsonPointer.ShouldBe("/intent");
    }

    [Fact]
    public void Embedding_without_engine_is_config_error()
    {
        var config = new ParaphraseCheckConfig { Dataset = "outputs", Group = "group", Field = "intent" };

        var result = _harness.Run(config, Labels);

        result.Status.ShouldBe(CheckStatus.Error);
        var error = _harness.Of(RuleCatalog.InvalidGateFile).ShouldHaveSingleItem();
        error.Message.ShouldContain("has no embedding engine");
        error.Severity.ShouldBe(Severity.Error);
    }

    [Fact]
    public void Group_and_input_id_together_rejected()
    {
        var config = new ParaphraseCheckConfig { Dataset = "outputs", Group = "group", InputId = "input", Field = "intent" };

        var check = _harness.Create(config);

        check.ShouldBeNull();
        _harness.Errors.ShouldHaveSingleItem().Message.ShouldContain("Give exactly one of group");
    }

    [Fact]
    public void Fields_compare_without_fields_rejected()
    {
        var config = new ParaphraseCheckConfig { Dataset = "outputs", Group = "group", Field = "output", Compare = ParaphraseComparison.Fields };

        var check = _harness.Create(config);

        check.ShouldBeNull();
        _harness.Errors.ShouldHaveSingleItem().Message.ShouldContain("compare: fields needs a list");
    }

    [Fact]
    public void Unknown_model_rejected()
    {
        var config = new ParaphraseCheckConfig { Dataset = "outputs", Group = "group", Field = "output", Model = "bert-large" };

        var check = _harness.Create(config);

        check.ShouldBeNull();
        _harness.Errors.ShouldHaveSingleItem().Message.ShouldContain("'bert-large' is unknown");
    }

    [Fact]
    public void Default_threshold_depends_on_comparison()
    {
        var embedding = _harness.Create(new ParaphraseCheckConfig { Dataset = "outputs", Group = "g", Field = "o" })!;
        var exact = _harness.Create(Exact())!;

        embedding.MinSimilarity.ShouldBe(0.80);
        exact.MinSimilarity.ShouldBe(1.0);
    }

    [Fact]
    public void Misspelt_group_field_fails_check()
    {
        var config = Exact();
        config.Group = "groop";

        var result = _harness.Run(config, Labels);

        result.Status.ShouldBe(CheckStatus.Failed);
        result.StatusReason.ShouldBe(CheckResult.NoRecordsReason);
        result.RecordsSkipped.ShouldBe(8);
        _harness.Of(RuleCatalog.CheckEvaluatedNoRecords).ShouldHaveSingleItem().Message.ShouldBe(
            "Check 'paraphrase' compared no paraphrase group, so it verified nothing: of the 8 records read from dataset "
            + "'outputs', 8 have no value at 'groop', 0 have no usable output at 'intent' and 0 are alone in their group. "
            + "Fix the field paths, or give each group two or more records.");
    }

    [Fact]
    public void Misspelt_output_field_fails_check()
    {
        var config = Exact();
        config.Field = "intnet";

        var result = _harness.Run(config, Labels);

        result.Status.ShouldBe(CheckStatus.Failed);
        _harness.Of(RuleCatalog.RequiredFieldMissing).Count.ShouldBe(7);
        _harness.Of(RuleCatalog.CheckEvaluatedNoRecords).ShouldHaveSingleItem().Message
            .ShouldContain("1 have no value at 'group', 7 have no usable output at 'intnet' and 0 are alone");
    }

    [Fact]
    public void Only_singles_fail_unless_turned_down()
    {
        string[] lines = ["""{"id": "a", "group": "g1", "intent": "x"}""", """{"id": "b", "group": "g2", "intent": "y"}"""];
        var config = Exact();
        config.Severity = Severity.Warning;

        var result = _harness.Run(config, lines);

        result.Status.ShouldBe(CheckStatus.Passed);
        result.RecordsSkipped.ShouldBe(2);
        _harness.Of(RuleCatalog.CheckEvaluatedNoRecords).ShouldHaveSingleItem().Severity.ShouldBe(Severity.Warning);
    }

    [Fact]
    public void Model_without_embedding_is_rejected()
    {
        var config = Exact();
        config.Model = "tfidf";

        _harness.Create(config).ShouldBeNull();

        _harness.Errors.ShouldHaveSingleItem().Message.ShouldContain(
            "The key model is used only with compare: embedding, but compare is exact. Remove model, or set compare: embedding.");
    }

    [Fact]
    public void Ignore_case_with_embedding_is_rejected()
    {
        var config = new ParaphraseCheckConfig
        {
            Dataset = "outputs", Group = "group", Field = "intent", Compare = ParaphraseComparison.Embedding, IgnoreCase = true,
        };

        _harness.Create(config).ShouldBeNull();

        _harness.Errors.ShouldHaveSingleItem().Message.ShouldContain("The key ignore-case is used only with compare: exact or fields");
    }

    [Fact]
    public void Empty_group_value_is_skipped()
    {
        string[] lines =
        [
            """{"id": "a", "group": "", "intent": "x"}""",
            """{"id": "b", "group": " ", "intent": "y"}""",
            """{"id": "c", "group": 5, "intent": "z"}""",
            """{"id": "d", "group": "5", "intent": "z"}""",
        ];

        var result = _harness.Run(Exact(), lines);

        result.RecordsSkipped.ShouldBe(2);
        result.RecordsChecked.ShouldBe(2);
        result.Status.ShouldBe(CheckStatus.Passed);
    }

    private static ParaphraseCheckConfig Exact() =>
        new() { Dataset = "outputs", Group = "group", Field = "intent", Compare = ParaphraseComparison.Exact };
}
