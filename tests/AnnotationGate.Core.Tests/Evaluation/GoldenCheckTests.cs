using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;
using AnnotationGate.Core.Evaluation;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Tests.Evaluation;

public sealed class GoldenCheckTests
{
    // Same items as the hand-computed classification example: item 7 has no prediction.
    private static readonly string[] GoldenLines =
    [
        """{"id":"1","label":"a","lang":"en"}""", """{"id":"2","label":"a","lang":"en"}""",
        """{"id":"3","label":"a","lang":"de"}""", """{"id":"4","label":"b","lang":"de"}""",
        """{"id":"5","label":"b","lang":"en"}""", """{"id":"6","label":"c","lang":"en"}""",
        """{"id":"7","label":"c","lang":"de"}""", """{"id":"8","label":"a"}""",
    ];

    private static readonly string[] PredictionLines =
    [
        """{"id":"1","out":{"label":"a"}}""", """{"id":"2","out":{"label":"a"}}""",
        """{"id":"3","out":{"label":"b"}}""", """{"id":"4","out":{"label":"b"}}""",
        """{"id":"5","out":{"label":"a"}}""", """{"id":"6","out":{"label":"c"}}""",
        """{"id":"8","out":{"label":"c"}}""", """{"id":"99","out":{"label":"a"}}""",
    ];

    [Fact]
    public void Golden_example_metrics_hand_computed()
    {
        var (harness, result) = Run(new GoldenCheckConfig());

        Metric("accuracy", result).Value.ShouldBe(0.5);
        Metric("accuracy", result).Lower!.Value.ShouldBe(0.2152, 0.00005);
        Metric("accuracy", result).Upper!.Value.ShouldBe(0.7848, 0.00005);
        Metric("accuracy", result).Count.ShouldBe(8);
        Metric("coverage", result).Value.ShouldBe(0.875);
        Metric("macro-f1", result).Value.ShouldBe(((4.0 / 7) + 0.5 + 0.5) / 3, 1e-12);
        Metric("micro-f1", result).Value.ShouldBe(8.0 / 15, 1e-12);
        Metric("precision:a", result).Value.ShouldBe(2.0 / 3, 1e-12);
        Metric("recall:a", result).Value.ShouldBe(0.5, 1e-12);
        Metric("f1:a", result).Value.ShouldBe(4.0 / 7, 1e-12);
        result.Status.ShouldBe(CheckStatus.Passed);
        harness.FindingsWith(RuleCatalog.MetricBelowThreshold).ShouldBeEmpty();
    }

    [Fact]
    public void Golden_confusion_matrix_rows_are_expected()
    {
        var (_, result) = Run(new GoldenCheckConfig());

        var matrix = result.Tables.Single(t => t.Title == "Confusion matrix");
        matrix.Columns.ShouldBe(["golden \\ predicted", "a", "b", "c", "(no prediction)", "total"]);
        matrix.Rows[0].ShouldBe(["a", "2", "1", "1", "0", "4"]);
        matrix.Rows[1].ShouldBe(["b", "1", "1", "0", "0", "2"]);
        matrix.Rows[2].ShouldBe(["c", "0", "0", "1", "1", "2"]);
    }

    [Fact]
    public void Golden_per_class_table_formats_scores()
    {
        var (_, result) = Run(new GoldenCheckConfig());

        var table = result.Tables.Single(t => t.Title == "Per-class scores");
        table.Rows[0].ShouldBe(["a", "4", "3", "0.667", "0.500", "0.571"]);
    }

    [Fact]
    public void Golden_missing_prediction_reported_and_wrong()
    {
        var (harness, result) = Run(new GoldenCheckConfig());

        var findings = harness.FindingsWith(RuleCatalog.GoldenItemWithoutPrediction);
        findings.Count.ShouldBe(2);
        findings.ShouldContain(f => f.Message.StartsWith("1 of 8 golden items have no prediction at 'out.label'"));
        var item = findings.Single(f => f.RecordId == "7");
        item.Line.ShouldBe(7);
        item.Severity.ShouldBe(Severity.Warning);
        result.ItemOutcomes.Single(o => o.Id == "7").Predicted.ShouldBeNull();
        result.RecordsFailed.ShouldBe(4);
    }

    [Fact]
    public void Golden_unknown_prediction_id_reported()
    {
        var (harness, result) = Run(new GoldenCheckConfig());

        var finding = harness.FindingsWith(RuleCatalog.PredictionForUnknownItem).ShouldHaveSingleItem();
        finding.RecordId.ShouldBe("99");
        finding.Dataset.ShouldBe("preds");
        finding.Message.ShouldBe("Prediction id '99' is not in golden dataset 'gold', so it is not scored. " +
            "Check that both datasets use the same ids.");
        result.Summary.ShouldBe("Accuracy 0.500 [0.215, 0.785] on 8 golden items; 7 predicted, 1 without prediction, " +
            "1 prediction(s) with an id outside the golden set.");
    }

    [Fact]
    public void Golden_accuracy_below_threshold_fails()
    {
        var (harness, result) = Run(new GoldenCheckConfig { Thresholds = { ["accuracy"] = 0.9, ["f1:a"] = 0.5 } });

        var finding = harness.FindingsWith(RuleCatalog.MetricBelowThreshold).ShouldHaveSingleItem();
        finding.Message.ShouldStartWith(
            "accuracy 0.500 [0.215, 0.785] is below the threshold 0.900 on 8 golden items.");
        finding.Severity.ShouldBe(Severity.Error);
        Metric("accuracy", result).Passed.ShouldBe(false);
        Metric("accuracy", result).Threshold.ShouldBe(0.9);
        Metric("f1:a", result).Passed.ShouldBe(true);
        result.Status.ShouldBe(CheckStatus.Failed);
    }

    [Fact]
    public void Golden_undefined_precision_fails_threshold()
    {
        var golden = Records.Json("gold.jsonl", "id", """{"id":"1","label":"x"}""", """{"id":"2","label":"y"}""");
        var predictions = Records.Json("preds.jsonl", "id",
            """{"id":"1","out":{"label":"y"}}""", """{"id":"2","out":{"label":"y"}}""");
        var config = new GoldenCheckConfig { Thresholds = { ["precision:x"] = 0.4 } };

        var (harness, result) = Run(config, golden, predictions);

        var finding = harness.FindingsWith(RuleCatalog.MetricBelowThreshold).ShouldHaveSingleItem();
        finding.Message.ShouldStartWith(
            "precision:x on 2 golden items is undefined because no item was predicted as this class, " +
            "so it does not meet the threshold 0.400.");
        Metric("precision:x", result).Defined.ShouldBeFalse();
        Metric("precision:x", result).Passed.ShouldBe(false);
    }

    [Fact]
    public void Golden_class_thresholds_checked_separately()
    {
        var config = new GoldenCheckConfig { Thresholds = { ["precision:c"] = 0.4, ["recall:b"] = 0.6 } };

        var (harness, result) = Run(config);

        var findings = harness.FindingsWith(RuleCatalog.MetricBelowThreshold);
        findings.Count.ShouldBe(1);
        findings[0].Message.ShouldStartWith("recall:b 0.500 [0.095, 0.905] is below the threshold 0.600");
        Metric("precision:c", result).Passed.ShouldBe(true);
    }

    [Fact]
    public void Golden_threshold_unknown_class_reported()
    {
        var (harness, result) = Run(new GoldenCheckConfig { Thresholds = { ["f1:zebra"] = 0.5 } });

        var finding = harness.FindingsWith(RuleCatalog.MetricBelowThreshold).ShouldHaveSingleItem();
        finding.Message.ShouldContain("names class 'zebra', which occurs in neither");
        finding.Message.ShouldContain("(classes: a, b, c)");
        Metric("f1:zebra", result).Passed.ShouldBe(false);
    }

    [Fact]
    public void Golden_unknown_threshold_key_fails_setup()
    {
        var harness = new GateHarness(Gate(new GoldenCheckConfig { Thresholds = { ["auc"] = 0.8 } }));

        var check = harness.Create();

        check.ShouldBeNull();
        harness.Errors.ShouldHaveSingleItem().Message.ShouldBe(
            "Threshold key 'auc' is not a metric of the golden check. Use one of: accuracy, macro-f1, micro-f1, " +
            "weighted-f1, precision:CLASS, recall:CLASS, f1:CLASS.");
    }

    [Fact]
    public void Golden_threshold_out_of_range_fails_setup()
    {
        var harness = new GateHarness(Gate(new GoldenCheckConfig { Thresholds = { ["accuracy"] = 90 } }));

        harness.Create().ShouldBeNull();

        harness.Errors.ShouldHaveSingleItem().Message.ShouldContain("metrics run from 0 to 1");
    }

    [Fact]
    public void Golden_dataset_without_label_field_fails_setup()
    {
        var config = Gate(new GoldenCheckConfig());
        config.Datasets["gold"].Labels = null;
        var harness = new GateHarness(config);

        harness.Create().ShouldBeNull();

        harness.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("Golden dataset 'gold' has no labels.field");
    }

    [Fact]
    public void Golden_prediction_dataset_without_id_fails_setup()
    {
        var config = Gate(new GoldenCheckConfig());
        config.Datasets["preds"].Id = null;
        var harness = new GateHarness(config);

        harness.Create().ShouldBeNull();

        harness.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("Dataset 'preds' has no id field");
    }

    [Fact]
    public void Golden_conflicting_labels_reported_once()
    {
        var golden = Records.Json("gold.jsonl", "id",
            """{"id":"1","label":"a"}""", """{"id":"1","label":"b"}""", """{"id":"1","label":"b"}""",
            """{"id":"2","label":"b"}""", """{"id":"2","label":"b"}""");
        var predictions = Records.Json("preds.jsonl", "id",
            """{"id":"1","out":{"label":"a"}}""", """{"id":"2","out":{"label":"b"}}""");

        var (harness, result) = Run(new GoldenCheckConfig(), golden, predictions);

        var finding = harness.FindingsWith(RuleCatalog.GoldenLabelConflict).ShouldHaveSingleItem();
        finding.Message.ShouldBe("Golden item '1' has label 'b' here but 'a' on line 1; the first label is used. " +
            "Settle on one expert label per item in the golden set.");
        finding.Line.ShouldBe(2);
        Metric("accuracy", result).Value.ShouldBe(1.0);
    }

    [Fact]
    public void Golden_item_without_label_left_out()
    {
        var golden = Records.Json("gold.jsonl", "id",
            """{"id":"1","label":"a"}""", """{"id":"2","label":"  "}""", """{"id":"3"}""");
        var predictions = Records.Json("preds.jsonl", "id", """{"id":"1","out":{"label":"a"}}""");

        var (harness, result) = Run(new GoldenCheckConfig(), golden, predictions);

        var findings = harness.FindingsWith(RuleCatalog.GoldenItemWithoutLabel);
        findings.Select(f => f.RecordId).ShouldBe(["2", "3"]);
        findings[0].Message.ShouldBe(
            "Golden item '2' has no value at label field 'label', so it is left out of the evaluation. " +
            "Add the expert label, or remove the item from the golden set.");
        result.RecordsChecked.ShouldBe(1);
        harness.FindingsWith(RuleCatalog.PredictionForUnknownItem).ShouldBeEmpty();
    }

    [Fact]
    public void Golden_numeric_labels_match_across_spellings()
    {
        var golden = Records.Json("gold.jsonl", "id", """{"id":"1","label":"1"}""", """{"id":"2","label":"0"}""");
        var predictions = Records.Json("preds.jsonl", "id",
            """{"id":"1","out":{"label":1.0}}""", """{"id":"2","out":{"label":" 0 "}}""");

        var (_, result) = Run(new GoldenCheckConfig(), golden, predictions);

        Metric("accuracy", result).Value.ShouldBe(1.0);
    }

    [Fact]
    public void Golden_item_outcomes_ordered_with_slices()
    {
        var (_, result) = Run(new GoldenCheckConfig { Slices = ["lang"] });

        result.ItemOutcomes.Select(o => o.Id).ShouldBe(["1", "2", "3", "4", "5", "6", "7", "8"]);
        result.ItemOutcomes[2].ShouldBe(result.ItemOutcomes[2] with { Expected = "a", Predicted = "b" });
        result.ItemOutcomes[2].Slices!["lang"].ShouldBe("de");
        result.ItemOutcomes[7].Slices!["lang"].ShouldBe("(none)");
    }

    [Fact]
    public void Golden_slice_table_scores_each_value()
    {
        var (_, result) = Run(new GoldenCheckConfig { Slices = ["lang"] });

        var table = result.Tables.Single(t => t.Title == "Scores per slice");
        table.Rows.Count.ShouldBe(3);
        table.Rows[0].ShouldBe(["lang", "(none)", "1", "0.000", "[0.000, 0.793]", "0.000"]);
        table.Rows[1].ShouldBe(["lang", "de", "3", "0.333", "[0.061, 0.792]", "0.222"]);
        table.Rows[2].Take(4).ShouldBe(["lang", "en", "4", "0.750"]);
    }

    private static (GateHarness Harness, CheckResult Result) Run(
        GoldenCheckConfig check,
        List<DataRecord>? golden = null,
        List<DataRecord>? predictions = null)
    {
        var harness = new GateHarness(Gate(check));
        var records = new Dictionary<string, List<DataRecord>>
        {
            ["gold"] = golden ?? Records.Json("gold.jsonl", "id", GoldenLines),
            ["preds"] = predictions ?? Records.Json("preds.jsonl", "id", PredictionLines),
        };
        var created = harness.Create().ShouldBeOfType<GoldenCheck>();
        var result = created.Run(harness.Context(created.Id), name => records[name]);
        return (harness, result);
    }

    private static GateConfig Gate(GoldenCheckConfig check)
    {
        check.Id ??= "golden";
        check.Dataset = "preds";
        check.Golden = "gold";
        check.Prediction = "out.label";
        return new GateConfig
        {
            Version = 1,
            Datasets =
            {
                ["gold"] = new DatasetConfig
                {
                    Path = "gold.jsonl", Id = "id", Purpose = DatasetPurpose.Golden,
                    Labels = new LabelConfig { Field = "label", Source = LabelSource.Expert },
                },
                ["preds"] = new DatasetConfig { Path = "preds.jsonl", Id = "id", Purpose = DatasetPurpose.Outputs },
            },
            Checks = { check },
        };
    }

    private static Metric Metric(string name, CheckResult result) => result.Metrics.Single(m => m.Name == name);
}
