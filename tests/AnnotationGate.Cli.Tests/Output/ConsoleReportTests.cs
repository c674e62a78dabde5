using AnnotationGate.Cli.Output;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;
using Spectre.Console;

namespace AnnotationGate.Cli.Tests.Output;

public sealed class ConsoleReportTests
{
    [Fact]
    public void WritePlain_prints_canonical_lines_and_summary()
    {
        using var writer = new StringWriter { NewLine = "\n" };

        ConsoleReport.WritePlain(Sample(), writer);

        writer.ToString().ShouldBe(
            """
            data/out.jsonl(12,3): error AG1001: Value 'a|b' is not one of the allowed values. [record r-12 at /intent]
            eval-configs/support.gate.yml: error AG0007: Field path 'output.replyy' matched no record.
            data/golden.jsonl(7): warning AG2002: Golden item 'g-7' has no prediction.
            annotationgate: info AG2003: Prediction 'p-1' has no golden item.
            check format (json-schema): failed, 1,201 of 1,500 records failed.
            check golden (golden): passed, 0 of 200 records failed, 1 skipped.
              accuracy: 0.842 [0.784, 0.887], n = 200, minimum 0.800: pass
              kappa: undefined (all ratings agree)
            1,200 more findings counted but not kept (AG1001 error 1,200).
            FAIL: 1,202 errors, 1 warning, 1 notice. 2 checks: 1 passed, 1 failed. Gate support-bot (eval-configs/support.gate.yml), 1.25 s.

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void CanonicalLine_flattens_multiline_message()
    {
        var finding = new Finding(RuleCatalog.NotJson, Severity.Error, "Output 'a\nb' is not JSON.")
        {
            File = "x.jsonl",
            Line = 4,
            Column = 1,
        };

        var line = ConsoleReport.CanonicalLine(finding);

        line.ShouldBe("x.jsonl(4,1): error AG1002: Output 'a b' is not JSON.");
    }

    [Fact]
    public void CanonicalLine_adds_unquoted_record_id()
    {
        var finding = new Finding(RuleCatalog.NotJson, Severity.Warning, "Output on line 1 is not JSON.")
        {
            File = "x.jsonl",
            Line = 1,
            RecordId = "1",
            JsonPointer = "/output",
        };

        var line = ConsoleReport.CanonicalLine(finding);

        line.ShouldBe("x.jsonl(1): warning AG1002: Output on line 1 is not JSON. [record 1 at /output]");
    }

    [Fact]
    public void WritePlain_passing_gate_ends_with_pass()
    {
        var result = new GateResult { GateName = "g", GateFile = "g.gate.yml", Verdict = Verdict.Pass };
        using var writer = new StringWriter { NewLine = "\n" };

        ConsoleReport.WritePlain(result, writer);

        writer.ToString()
            .ShouldBe("PASS: 0 errors, 0 warnings, 0 notices. 0 checks: 0 passed, 0 failed. Gate g (g.gate.yml), 0.00 s.\n");
    }

    [Fact]
    public void WritePlain_check_not_run_says_so()
    {
        var result = new GateResult
        {
            GateName = "g",
            GateFile = "g.gate.yml",
            Verdict = Verdict.Error,
            Checks = [new CheckResult("format", "json-schema") { Status = CheckStatus.Error }],
        };
        using var writer = new StringWriter { NewLine = "\n" };

        ConsoleReport.WritePlain(result, writer);

        writer.ToString().ShouldStartWith("check format (json-schema): could not run.\nERROR: 0 errors, ");
    }

    [Fact]
    public void WritePlain_regressed_check_gives_reason()
    {
        var check = new CheckResult("intent", "golden")
        {
            Status = CheckStatus.Failed,
            StatusReason = CheckResult.RegressedReason,
            RecordsChecked = 100,
            RecordsFailed = 30,
        };
        var result = new GateResult
        {
            GateName = "g", GateFile = "g.gate.yml", Verdict = Verdict.Fail, Checks = [check],
        };
        using var writer = new StringWriter { NewLine = "\n" };

        ConsoleReport.WritePlain(result, writer);

        writer.ToString().ShouldStartWith(
            "check intent (golden): failed (regressed against baseline), 30 of 100 records failed.\n");
    }

    [Fact]
    public void WriteTables_regressed_check_gives_reason()
    {
        var check = new CheckResult("intent", "golden")
        {
            Status = CheckStatus.Failed, StatusReason = CheckResult.RegressedReason,
        };
        var result = new GateResult
        {
            GateName = "g", GateFile = "g.gate.yml", Verdict = Verdict.Fail, Checks = [check],
        };
        var (console, output) = CreateConsole();

        ConsoleReport.WriteTables(result, console);

        output.ToString().ShouldContain("failed (regressed against baseline)");
    }

    [Fact]
    public void WriteTables_renders_verdict_findings_and_metrics()
    {
        var (console, output) = CreateConsole();

        ConsoleReport.WriteTables(Sample(), console);

        var text = output.ToString();
        text.ShouldStartWith("── FAIL 1,202 errors, 1 warning, 1 notice.");
        text.ShouldContain("Findings, worst first");
        text.ShouldContain("data/out.jsonl:12:3");
        text.ShouldContain("0.842 [0.784, 0.887]");
        text.ShouldContain("≥ 0.800");
        text.ShouldContain("undefined (all ratings agree)");
        text.TrimEnd().Split('\n')[^1].ShouldStartWith("FAIL 1,202 errors");
    }

    [Fact]
    public void WriteTables_caps_findings_rows()
    {
        var (console, output) = CreateConsole();

        ConsoleReport.WriteTables(Sample(), console, maxFindingRows: 2);

        output.ToString().ShouldContain("…and 2 more findings.");
        output.ToString().ShouldNotContain("p-1");
    }

    [Fact]
    public void Write_not_interactive_uses_plain_lines()
    {
        var (console, output) = CreateConsole();
        using var plain = new StringWriter { NewLine = "\n" };

        ConsoleReport.Write(Sample(), console, plain, interactive: false);

        output.ToString().ShouldBeEmpty();
        plain.ToString().ShouldStartWith("data/out.jsonl(12,3): error AG1001:");
    }

    [Fact]
    public void IsInteractive_false_for_captured_output()
    {
        var (console, _) = CreateConsole();

        ConsoleReport.IsInteractive(console).ShouldBeFalse();
    }

    internal static (IAnsiConsole Console, StringWriter Output) CreateConsole()
    {
        var output = new StringWriter { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 160;
        return (console, output);
    }

    private static GateResult Sample() => new()
    {
        GateName = "support-bot",
        GateFile = "eval-configs/support.gate.yml",
        Verdict = Verdict.Fail,
        Duration = TimeSpan.FromMilliseconds(1250),
        Findings =
        [
            new Finding(RuleCatalog.PredictionForUnknownItem, Severity.Notice, "Prediction 'p-1' has no golden item."),
            new Finding(
                RuleCatalog.GoldenItemWithoutPrediction,
                Severity.Warning,
                "Golden item 'g-7' has no prediction.")
            {
                File = "data/golden.jsonl",
                Line = 7,
                RecordId = "g-7",
            },
            new Finding(RuleCatalog.FieldNeverFound, Severity.Error, "Field path 'output.replyy' matched no record.")
            {
                File = "eval-configs/support.gate.yml",
            },
            new Finding(RuleCatalog.SchemaViolation, Severity.Error, "Value 'a|b' is not one of the allowed values.")
            {
                File = "data/out.jsonl",
                Line = 12,
                Column = 3,
                JsonPointer = "/intent",
                RecordId = "r-12",
            },
        ],
        Omitted = [new OmittedFindings(RuleCatalog.SchemaViolation, Severity.Error, 1200)],
        Checks =
        [
            new CheckResult("format", "json-schema")
            {
                Status = CheckStatus.Failed,
                RecordsChecked = 1500,
                RecordsFailed = 1201,
            },
            new CheckResult("golden", "golden")
            {
                Status = CheckStatus.Passed,
                RecordsChecked = 200,
                RecordsSkipped = 1,
                Metrics =
                [
                    new Metric("accuracy", 0.8421)
                    {
                        Lower = 0.7843,
                        Upper = 0.8867,
                        Count = 200,
                        Threshold = 0.8,
                        Passed = true,
                    },
                    new Metric("kappa", double.NaN) { Defined = false, Note = "All ratings agree." },
                ],
            },
        ],
    };
}
