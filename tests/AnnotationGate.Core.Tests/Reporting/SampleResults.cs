using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Tests.Reporting;

/// <summary>Hand-built gate results that the reporter tests render.</summary>
internal static class SampleResults
{
    /// <summary>A failed run: one schema error, one warning, one omitted rule and two checks.</summary>
    public static GateResult Small() => new()
    {
        GateName = "support-bot",
        GateFile = "eval-configs/support.gate.yml",
        Verdict = Verdict.Fail,
        ToolVersion = "1.2.3",
        StartedAt = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero),
        Duration = TimeSpan.FromMilliseconds(1250),
        Findings =
        [
            new Finding(
                RuleCatalog.GoldenItemWithoutPrediction,
                Severity.Warning,
                "Golden item 'g-7' has no prediction.")
            {
                File = "data/golden.jsonl",
                Line = 7,
                RecordId = "g-7",
                Check = "golden",
            },
            new Finding(
                RuleCatalog.SchemaViolation,
                Severity.Error,
                "Value 'a|b' at /intent is not one of the allowed values.")
            {
                File = "data/out.jsonl",
                Line = 12,
                Column = 3,
                JsonPointer = "/intent",
                RecordId = "r-12",
                Dataset = "outputs",
                Check = "format",
            },
        ],
        Omitted = [new OmittedFindings(RuleCatalog.SchemaViolation, Severity.Error, 1200)],
        Checks =
        [
            new CheckResult("format", "json-schema")
            {
                Dataset = "outputs",
                Status = CheckStatus.Failed,
                RecordsChecked = 1500,
                RecordsFailed = 1201,
                Summary = "Validates each output against schemas/intent.json.",
            },
            new CheckResult("golden", "golden")
            {
                Dataset = "golden",
                Status = CheckStatus.Passed,
                RecordsChecked = 200,
                RecordsSkipped = 1,
                Metrics =
                [
                    new Metric("accuracy", 0.8421)
                    {
                        Check = "golden",
                        Lower = 0.7843,
                        Upper = 0.8867,
                        Count = 200,
                        Threshold = 0.8,
                        Passed = true,
                    },
                    new Metric("kappa", double.NaN) { Defined = false, Note = "All ratings agree." },
                ],
                Tables =
                [
                    new ResultTable(
                        "Confusion matrix",
                        ["expected \\ predicted", "refund", "other"],
                        [["refund", "90", "10"], ["other", "21", "79"]])
                    {
                        Note = "Rows are golden labels.",
                    },
                ],
                ItemOutcomes =
                [
                    new ItemOutcome("g-1", "refund", "refund", new Dictionary<string, string> { ["language"] = "de" }),
                    new ItemOutcome("g-7", "other", null),
                ],
            },
        ],
        Tables = [new ResultTable("Cost ledger", ["Source", "Cost"], [["llm", "12.50"]])],
    };

    /// <summary>A failed run with <paramref name="count"/> error findings, each on its own line.</summary>
    public static GateResult Many(int count) => Small() with
    {
        Findings =
        [
            .. Enumerable.Range(1, count).Select(i =>
                new Finding(
                    RuleCatalog.LengthOutOfBounds,
                    Severity.Error,
                    $"Output of record 'r-{i}' has 900 characters; the maximum is 800.")
                {
                    File = "data/out.jsonl",
                    Line = i,
                    RecordId = $"r-{i}",
                    Check = "format",
                }),
        ],
        Omitted = [],
    };
}
