using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Labels;
using AnnotationGate.Core.Results;
using AnnotationGate.Core.Tests.Evaluation;

namespace AnnotationGate.Core.Tests.Labels;

public sealed class LabelSourcesCheckTests
{
    private static readonly string[] GoldenLines =
    [
        """{"id":"i1","gold":"yes"}""", """{"id":"i2","gold":"no"}""",
        """{"id":"i3","gold":"yes"}""", """{"id":"i4","gold":"no"}""",
    ];

    // i1 wins yes 2-1, i2 ties 1-1, i3 wins no 2-1 against gold yes, i4 has one vote, i5 is not golden.
    private static readonly string[] CrowdLines =
    [
        """{"item":"i1","worker":"w1","vote":"yes"}""", """{"item":"i1","worker":"w2","vote":"yes"}""",
        """{"item":"i1","worker":"w3","vote":"no"}""", """{"item":"i2","worker":"w1","vote":"yes"}""",
        """{"item":"i2","worker":"w2","vote":"no"}""", """{"item":"i3","worker":"w1","vote":"no"}""",
        """{"item":"i3","worker":"w2","vote":"no"}""", """{"item":"i3","worker":"w3","vote":"yes"}""",
        """{"item":"i4","worker":"w1","vote":"no"}""", """{"item":"i5","worker":"w1","vote":"yes"}""",
        """{"item":"i4","worker":"w2","vote":""}""",
    ];

    private static readonly string[] LlmLines =
    [
        """{"id":"i1","label":"yes"}""", """{"id":"i2","label":"no"}""",
        """{"id":"i3","label":"no"}""", """{"id":"i4","label":"yes"}""",
    ];

    [Fact]
    public void Crowd_source_counts_votes_and_ties()
    {
        var (_, result) = Run(new LabelSourcesCheckConfig());

        Metric("crowd.items", result).Value.ShouldBe(4);
        Metric("crowd.votes-per-item", result).Value.ShouldBe(2.25);
        Metric("crowd.ties", result).Value.ShouldBe(1);
        Metric("crowd.expected-accuracy", result).Value.ShouldBe(0.625);
        Metric("crowd.accuracy", result).Value.ShouldBeOneOf(0.5, 0.75);
    }

    [Fact]
    public void Crowd_source_scoreboard_row()
    {
        var (_, result) = Run(new LabelSourcesCheckConfig());

        var table = result.Tables.ShouldHaveSingleItem();
        table.Columns.ShouldBe(["source", "kind", "items", "coverage", "votes/item (min-max)", "annotators", "ties",
            "accuracy", "95% CI", "expected accuracy", "kappa"]);
        var row = table.Rows.Single(r => r[0] == "crowd");
        row.Take(7).ShouldBe(["crowd", "crowd votes", "4", "1.000", "2.25 (1-3)", "3", "1"]);
        row[9].ShouldBe("0.625");
        table.Note.ShouldNotBeNull().ShouldStartWith("Majority vote per item; a tie between labels");
    }

    [Fact]
    public void Crowd_tie_break_same_on_rerun()
    {
        var (_, first) = Run(new LabelSourcesCheckConfig());
        var (_, second) = Run(new LabelSourcesCheckConfig());

        Metric("crowd.accuracy", second).Value.ShouldBe(Metric("crowd.accuracy", first).Value);
    }

    [Fact]
    public void Single_label_source_scored_by_id()
    {
        var (_, result) = Run(new LabelSourcesCheckConfig());

        Metric("llm.accuracy", result).Value.ShouldBe(0.5);
        Metric("llm.accuracy", result).Lower!.Value.ShouldBe(0.1500, 0.00005);
        Metric("llm.kappa", result).Value.ShouldBe(0.0, 1e-12);
        Metric("llm.ties", result).Value.ShouldBe(0);
        var row = result.Tables[0].Rows.Single(r => r[0] == "llm");
        row.Take(6).ShouldBe(["llm", "single label", "4", "1.000", "1.00 (1-1)", "n/a"]);
    }

    [Fact]
    public void Sources_default_to_labelled_datasets()
    {
        var (_, result) = Run(new LabelSourcesCheckConfig());

        result.Tables[0].Rows.Select(r => r[0]).ShouldBe(["crowd", "llm"]);
    }

    [Fact]
    public void Source_below_min_accuracy_reported()
    {
        var (harness, result) = Run(new LabelSourcesCheckConfig { Sources = ["llm"], MinAccuracy = 0.8 });

        var finding = harness.FindingsWith(RuleCatalog.SourceAgreementBelowThreshold).ShouldHaveSingleItem();
        finding.Message.ShouldBe(
            "Source 'llm' accuracy 0.500 [0.150, 0.850] is below min-accuracy 0.800 on 4 golden items. " +
            "Review the source's labels, or its aggregation, before using them for training or evaluation.");
        finding.Dataset.ShouldBe("llm");
        Metric("llm.accuracy", result).Passed.ShouldBe(false);
        result.Status.ShouldBe(CheckStatus.Failed);
    }

    [Fact]
    public void Source_below_min_kappa_reported()
    {
        var (harness, result) = Run(new LabelSourcesCheckConfig { Sources = ["llm"], MinKappa = 0.2 });

        harness.FindingsWith(RuleCatalog.SourceAgreementBelowThreshold).ShouldHaveSingleItem()
            .Message.ShouldStartWith("Source 'llm' Cohen's kappa 0.000 is below min-kappa 0.200 on 4 golden items.");
        Metric("llm.kappa", result).Passed.ShouldBe(false);
    }

    [Fact]
    public void Source_undefined_kappa_not_zero()
    {
        var golden = Records.Json("gold.jsonl", "id", """{"id":"i1","gold":"yes"}""", """{"id":"i2","gold":"yes"}""");
        var llm = Records.Json("llm.jsonl", "id", """{"id":"i1","label":"yes"}""", """{"id":"i2","label":"yes"}""");

        var config = new LabelSourcesCheckConfig { Sources = ["llm"], MinKappa = 0.4 };

        var (harness, result) = Run(config, golden, llm: llm);

        var kappa = Metric("llm.kappa", result);
        kappa.Defined.ShouldBeFalse();
        kappa.Note.ShouldBe(
            "Both raters gave every item the same label 'yes', so chance agreement is 1 and kappa is undefined.");
        Metric("llm.accuracy", result).Value.ShouldBe(1.0);
        result.Tables[0].Rows[0][10].ShouldBe("n/a");
        harness.FindingsWith(RuleCatalog.SourceAgreementBelowThreshold).ShouldHaveSingleItem()
            .Message.ShouldStartWith(
                "Source 'llm' Cohen's kappa undefined (Both raters gave every item the same label 'yes'");
    }

    [Fact]
    public void Source_without_label_field_fails_setup()
    {
        var config = Gate(new LabelSourcesCheckConfig { Sources = ["outputs"] });
        var harness = new GateHarness(config);

        harness.Create().ShouldBeNull();

        harness.Errors.ShouldHaveSingleItem().Message.ShouldBe(
            "Source dataset 'outputs' has no labels.field. Add labels: { field: NAME } naming its label field.");
    }

    [Fact]
    public void Golden_without_labels_fails_setup()
    {
        var config = Gate(new LabelSourcesCheckConfig());
        config.Datasets["gold"].Labels = null;
        var harness = new GateHarness(config);

        harness.Create().ShouldBeNull();

        harness.Errors.ShouldHaveSingleItem().Message
            .ShouldStartWith("Golden dataset 'gold' needs an id and labels.field");
    }

    [Fact]
    public void No_labelled_source_fails_setup()
    {
        var config = Gate(new LabelSourcesCheckConfig());
        config.Datasets.Remove("crowd");
        config.Datasets.Remove("llm");
        var harness = new GateHarness(config);

        harness.Create().ShouldBeNull();

        harness.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("No dataset other than 'gold' has labels.field");
    }

    private static (GateHarness Harness, CheckResult Result) Run(
        LabelSourcesCheckConfig check,
        List<DataRecord>? golden = null,
        List<DataRecord>? llm = null)
    {
        var harness = new GateHarness(Gate(check));
        var records = new Dictionary<string, List<DataRecord>>
        {
            ["gold"] = golden ?? Records.Json("gold.jsonl", "id", GoldenLines),
            ["crowd"] = Records.Json("crowd.jsonl", null, CrowdLines),
            ["llm"] = llm ?? Records.Json("llm.jsonl", "id", LlmLines),
        };
        var created = harness.Create().ShouldBeOfType<LabelSourcesCheck>();
        var result = created.Run(harness.Context(created.Id), name => records[name]);
        return (harness, result);
    }

    private static GateConfig Gate(LabelSourcesCheckConfig check)
    {
        check.Id ??= "sources";
        check.Dataset = "gold";
        return new GateConfig
        {
            Version = 1,
            Datasets =
            {
                ["gold"] = new DatasetConfig
                {
                    Path = "gold.jsonl", Id = "id", Purpose = DatasetPurpose.Golden,
                    Labels = new LabelConfig { Field = "gold", Source = LabelSource.Expert },
                },
                ["crowd"] = new DatasetConfig
                {
                    Path = "crowd.jsonl", DuplicateIds = DuplicateIdPolicy.Allow,
                    Labels = new LabelConfig
                    {
                        Field = "vote", Item = "item", Annotator = "worker", Source = LabelSource.Crowd,
                    },
                },
                ["llm"] = new DatasetConfig
                {
                    Path = "llm.jsonl", Id = "id",
                    Labels = new LabelConfig { Field = "label", Source = LabelSource.Llm, Model = "gpt-4o-mini" },
                },
                ["outputs"] = new DatasetConfig { Path = "outputs.jsonl", Id = "id" },
            },
            Checks = { check },
        };
    }

    private static Metric Metric(string name, CheckResult result) => result.Metrics.Single(m => m.Name == name);
}
