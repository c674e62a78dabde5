using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Reporting;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Tests.Reporting;

public sealed class MarkdownReportTests
{
    private const string Help = "https://github.com/annotationgate/annotationgate/blob/main/docs/rules/";

    [Fact]
    public void Render_small_result_matches_golden_text()
    {
        var expected = $"""
            ## AnnotationGate: FAIL

            **FAIL**: 1,201 errors, 1 warning, 0 notices. 2 checks: 1 passed, 1 failed.

            Gate support-bot (eval-configs/support.gate.yml), AnnotationGate 1.2.3, 1.25 s.

            ### Findings

            | Severity | Code | Location | Record | Pointer | Message |
            | --- | --- | --- | --- | --- | --- |
            | error | [AG1001]({Help}AG1001.md) | data/out.jsonl:12:3 | r-12 | /intent | Value 'a\|b' at /intent is not one of the allowed values. |
            | warning | [AG2002]({Help}AG2002.md) | data/golden.jsonl:7 | g-7 | | Golden item 'g-7' has no prediction. |

            1,200 more findings were counted but not kept, because the gate keeps at most max-findings-per-rule of each rule:

            | Code | Severity | Count |
            | --- | --- | ---: |
            | AG1001 | error | 1,200 |

            ### Checks

            | Check | Type | Dataset | Status | Records | Failed | Skipped |
            | --- | --- | --- | --- | ---: | ---: | ---: |
            | format | json-schema | outputs | failed | 1,500 | 1,201 | 0 |
            | golden | golden | golden | passed | 200 | 0 | 1 |

            ### format (json-schema): failed

            Validates each output against schemas/intent.json.

            ### golden (golden): passed

            Golden items: 2, 1 correct, 1 without a prediction.

            | Metric | Value | n | Threshold | Result |
            | --- | --- | ---: | --- | --- |
            | accuracy | 0.842 [0.784, 0.887] | 200 | ≥ 0.800 | pass |
            | kappa | undefined (all ratings agree) | | | |

            Values in brackets are 95% intervals.

            #### Confusion matrix

            | expected \\ predicted | refund | other |
            | --- | --- | --- |
            | refund | 90 | 10 |
            | other | 21 | 79 |

            Rows are golden labels.

            ### Cost ledger

            | Source | Cost |
            | --- | --- |
            | llm | 12.50 |

            """;

        var markdown = MarkdownReport.Render(SampleResults.Small());

        markdown.ShouldBe(expected.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Render_passing_result_starts_with_pass()
    {
        var result = new GateResult { GateName = "g", GateFile = "g.gate.yml", Verdict = Verdict.Pass };

        var markdown = MarkdownReport.Render(result);

        markdown
            .ShouldStartWith("## AnnotationGate: PASS\n\n**PASS**: 0 errors, 0 warnings, 0 notices. 0 checks: 0 passed, 0 failed.\n");
        markdown.ShouldNotContain("### Findings");
    }

    [Fact]
    public void Render_error_verdict_counts_checks_not_run()
    {
        var result = new GateResult
        {
            GateName = "g",
            GateFile = "g.gate.yml",
            Verdict = Verdict.Error,
            Checks = [new CheckResult("format", "json-schema") { Status = CheckStatus.Error }],
        };

        var markdown = MarkdownReport.Render(result);

        markdown.ShouldStartWith("## AnnotationGate: ERROR\n\n**ERROR**: 0 errors, 0 warnings, 0 notices. ");
        markdown.ShouldContain("1 check: 0 passed, 0 failed, 1 could not run.");
        markdown.ShouldContain("| format | json-schema | | could not run | 0 | 0 | 0 |");
    }

    [Fact]
    public void Cell_escapes_pipes_newlines_and_markup()
    {
        var cell = MarkdownText.Cell("a|b\r\nc\nd <x> [link](u) *e* `f` \\ & g");

        cell.ShouldBe("a\\|b<br>c<br>d &lt;x&gt; \\[link\\](u) \\*e\\* \\`f\\` \\\\ &amp; g");
    }

    [Fact]
    public void Cell_breaks_github_mentions()
    {
        MarkdownText.Cell("ping @octocat").ShouldBe("ping @\u200Boctocat");
    }

    [Fact]
    public void Render_message_with_newline_keeps_one_row()
    {
        var result = SampleResults.Small() with
        {
            Findings = [new Finding(RuleCatalog.NotJson, Severity.Error, "Output 'a\nb|c' is not JSON.") { File = "x.jsonl", Line = 1 }],
            Omitted = [],
        };

        var markdown = MarkdownReport.Render(result);

        markdown
            .ShouldContain("| error | [AG1002](" + Help + "AG1002.md) | x.jsonl:1 | | | Output 'a<br>b\\|c' is not JSON. |\n");
    }

    [Fact]
    public void Render_caps_findings_rows_worst_first()
    {
        var result = SampleResults.Many(60) with
        {
            Findings =
            [
                .. SampleResults.Many(60).Findings,
                new Finding(RuleCatalog.PredictionForUnknownItem, Severity.Notice, "Prediction 'p-1' has no golden item."),
            ],
        };

        var markdown = MarkdownReport.Render(result);

        var rows = markdown.Split('\n')
            .Where(line => line.StartsWith("| error | [AG1010]", StringComparison.Ordinal))
            .ToList();
        rows.Count.ShouldBe(50);
        rows[0].ShouldContain("| data/out.jsonl:1 |");
        markdown.ShouldContain("…and 11 more findings not shown; the JSON report lists every kept finding.\n");
        markdown.ShouldNotContain("AG2003");
    }

    [Fact]
    public void Render_over_limit_drops_tables_and_says_so()
    {
        var full = MarkdownReport.Render(SampleResults.Small());
        var options = new MarkdownReportOptions { MaxLength = full.Length - 1 };

        var markdown = MarkdownReport.Render(SampleResults.Small(), options);

        markdown.Length.ShouldBeLessThanOrEqualTo(options.MaxLength);
        markdown.ShouldContain("> This report leaves out the tables of each check and of the gate");
        markdown.ShouldNotContain("#### Confusion matrix");
        markdown.ShouldNotContain("### Cost ledger");
        markdown.ShouldContain("| accuracy | 0.842 [0.784, 0.887] | 200 | ≥ 0.800 | pass |");
    }

    [Fact]
    public void Render_many_findings_stays_under_limit()
    {
        var result = SampleResults.Many(2000);
        var options = new MarkdownReportOptions { MaxLength = 3000 };

        var markdown = MarkdownReport.Render(result, options);

        markdown.Length.ShouldBeLessThanOrEqualTo(3000);
        markdown.ShouldStartWith("## AnnotationGate: FAIL\n");
        markdown.ShouldContain("most findings to stay under 3,000 characters");
        markdown.ShouldContain("more findings not shown; the JSON report lists every kept finding.");
    }

    [Fact]
    public void Render_tiny_limit_cuts_text()
    {
        var options = new MarkdownReportOptions { MaxLength = 200 };

        var markdown = MarkdownReport.Render(SampleResults.Many(10), options);

        markdown.Length.ShouldBeLessThanOrEqualTo(200);
        markdown.ShouldStartWith("## AnnotationGate: FAIL\n");
        markdown.ShouldEndWith("_The report was cut here to fit the size limit._\n");
    }

    [Fact]
    public void Render_default_limit_holds_for_long_messages()
    {
        var result = SampleResults.Many(50) with
        {
            Findings = [.. SampleResults.Many(50).Findings.Select(f => f with { Message = new string('x', 2000) })],
        };

        var markdown = MarkdownReport.Render(result);

        markdown.Length.ShouldBeLessThanOrEqualTo(60_000);
        markdown.ShouldContain("**FAIL**");
    }
}
