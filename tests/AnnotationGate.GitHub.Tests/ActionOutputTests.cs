using System.Text;
using System.Text.RegularExpressions;
using AnnotationGate.Core.Reporting;

namespace AnnotationGate.GitHub.Tests;

public sealed partial class ActionOutputTests : IDisposable
{
    private readonly ActionWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Outputs_parse_with_expected_values()
    {
        _workspace.CopyExamples();

        var run = await _workspace.RunAsync("eval-configs/failing.gate.yml");

        run.ExitCode.ShouldBe(1);
        run.Outputs["verdict"].ShouldBe("fail");
        run.Outputs["passed"].ShouldBe("1");
        run.Outputs["failed"].ShouldBe("8");
        run.Outputs["errors"].ShouldBe("25");
        run.Outputs["warnings"].ShouldBe("223");
        run.Outputs["report-json"].ShouldBe("annotationgate-report.json");
        run.Outputs["comment-status"].ShouldBe("skipped");
        run.Outputs["comment-url"].ShouldBe(string.Empty);
    }

    [Fact]
    public async Task Output_delimiters_are_random()
    {
        var gate = _workspace.WriteLengthGate("small", max: 100, ["short reply"]);

        await _workspace.RunAsync(gate);
        var first = Delimiters(File.ReadAllText(_workspace.PathOf("github-output.txt")));
        await _workspace.RunAsync(gate);
        var second = Delimiters(File.ReadAllText(_workspace.PathOf("github-output.txt")));

        first.Count.ShouldBe(9);
        first.Distinct().Count().ShouldBe(9);
        first.Intersect(second).ShouldBeEmpty();
        first.ShouldAllBe(d => DelimiterShape().IsMatch(d));
    }

    [Fact]
    public void Output_value_containing_delimiter_text_stays_whole()
    {
        var value = "line one\nghadelimiter_\nEOF\nverdict=pass";

        var text = OutputFile.Format([new("tricky", value), new("verdict", "fail")]);

        var parsed = ActionWorkspace.ParseOutputs(text);
        parsed["tricky"].ShouldBe(value);
        parsed["verdict"].ShouldBe("fail");
    }

    [Fact]
    public async Task Passing_gate_exits_zero()
    {
        var gate = _workspace.WriteLengthGate("small", max: 100, ["short reply"]);

        var run = await _workspace.RunAsync(gate);

        run.ExitCode.ShouldBe(0);
        run.Outputs["verdict"].ShouldBe("pass");
        run.Summary.ShouldStartWith("## AnnotationGate: PASS");
        run.Commands("error").ShouldBeEmpty();
    }

    [Fact]
    public async Task Missing_gate_input_exits_two()
    {
        _workspace.Environment["INPUT_GATE"] = string.Empty;
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new System.CommandLine.RootCommand
        {
            Cli.Commands.GitHubCommand.Create(output, error, name => _workspace.Environment.GetValueOrDefault(name)),
        };

        var exitCode = await root.Parse(["github"]).InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });

        exitCode.ShouldBe(2);
        error.ToString().ShouldContain("Input 'gate' is missing.");
    }

    [Theory]
    [InlineData("../outside.gate.yml")]
    [InlineData("/etc/passwd")]
    public async Task Gate_outside_workspace_exits_two(string gate)
    {
        var run = await _workspace.RunAsync(gate);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain($"Input 'gate' is '{gate}', which is outside the workspace");
        run.Outputs["verdict"].ShouldBe("error");
    }

    [Fact]
    public async Task Invalid_boolean_input_exits_two()
    {
        _workspace.Environment["INPUT_WARNINGS-AS-ERRORS"] = "yes";

        var run = await _workspace.RunAsync(_workspace.WriteLengthGate("small", max: 100, ["short"]));

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("Input 'warnings-as-errors' is 'yes', which is not a boolean. Set it to true or false.");
        run.Commands("error").ShouldHaveSingleItem().ShouldContain("not a boolean");
        run.Summary.ShouldStartWith("## AnnotationGate: ERROR");
        run.Outputs["verdict"].ShouldBe("error");
    }

    [Fact]
    public async Task Missing_gate_file_exits_two()
    {
        var run = await _workspace.RunAsync("eval-configs/none.gate.yml");

        run.ExitCode.ShouldBe(2);
        run.Outputs["verdict"].ShouldBe("error");
    }

    [Fact]
    public async Task Annotations_respect_per_step_limits()
    {
        var gate = _workspace.WriteLengthGate("many", max: 3, Enumerable.Range(0, 25).Select(i => $"reply number {i}"));

        var run = await _workspace.RunAsync(gate);

        run.ExitCode.ShouldBe(1);
        var errors = run.Commands("error");
        errors.Count.ShouldBe(AnnotationWriter.MaxErrors);
        errors[0].ShouldStartWith("::error file=many/outputs.jsonl,line=1,title=AG1010::");
        var notice = run.Commands("notice").ShouldHaveSingleItem();
        notice.ShouldContain("left out 15 more findings (15 errors, 0 warnings, 0 notices)");
        notice.ShouldContain("'annotationgate-report.json'");
    }

    [Fact]
    public async Task Warnings_as_errors_input_fails_gate()
    {
        _workspace.Write("warn/outputs.jsonl", "{\"id\":\"a\",\"reply\":\"hello\"}\n{\"id\":\"a\",\"reply\":\"again\"}\n");
        _workspace.Write("warn/warn.gate.yml",
            "version: 1\nname: warn\nrules: { AG0005: warning }\ndatasets:\n  outputs: { path: outputs.jsonl, id: id }\n"
            + "checks:\n  - { type: length, dataset: outputs, field: reply, unit: code-points, max: 100 }\n");

        var lenient = await _workspace.RunAsync("warn/warn.gate.yml");
        _workspace.Environment["INPUT_WARNINGS-AS-ERRORS"] = "true";
        var strict = await _workspace.RunAsync("warn/warn.gate.yml");

        lenient.ExitCode.ShouldBe(0);
        strict.ExitCode.ShouldBe(1);
        strict.Outputs["warnings"].ShouldBe("1");
    }

    [Fact]
    public async Task Data_cannot_inject_workflow_commands()
    {
        _workspace.Write("inject/outputs.jsonl", "{\"id\":\"x\\n::warning::injected\",\"reply\":\"too long\"}\n");
        _workspace.Write("inject/inject.gate.yml",
            "version: 1\nname: inject\ndatasets:\n  outputs: { path: outputs.jsonl, id: id }\n"
            + "checks:\n  - { type: length, dataset: outputs, field: reply, unit: code-points, max: 3 }\n");

        var run = await _workspace.RunAsync("inject/inject.gate.yml");

        var lines = run.Output.Split('\n');
        var stop = Array.FindIndex(lines, l => l.StartsWith("::stop-commands::", StringComparison.Ordinal));
        var token = lines[stop]["::stop-commands::".Length..].TrimEnd('\r');
        var resume = Array.IndexOf(lines, $"::{token}::");
        resume.ShouldBeGreaterThan(stop);
        lines.Where((l, i) => (i < stop || i > resume) && l.StartsWith("::", StringComparison.Ordinal))
            .ShouldAllBe(l => l.StartsWith("::error ", StringComparison.Ordinal));
        run.Commands("error").ShouldHaveSingleItem().ShouldContain("[record x%0A::warning::injected at /reply]");
    }

    [Fact]
    public async Task Summary_stays_under_byte_budget()
    {
        var gate = _workspace.WriteLengthGate("wide", max: 10, Enumerable.Range(0, 300).Select(i => new string('€', 2000) + i));
        await _workspace.RunAsync(gate);
        var result = JsonReport.Read(File.ReadAllText(_workspace.PathOf("annotationgate-report.json")));

        var summary = StepSummary.Render(result, "> note\n\n", maxBytes: 20_000);

        Encoding.UTF8.GetByteCount(summary).ShouldBeLessThanOrEqualTo(20_000);
        summary.ShouldStartWith("> note\n\n## AnnotationGate: FAIL");
        summary.ShouldContain("This report leaves out");
    }

    [Fact]
    public async Task Summary_of_large_run_fits_github_limit()
    {
        var gate = _workspace.WriteLengthGate("huge", max: 10, Enumerable.Range(0, 400).Select(i => new string('€', 3500) + i));

        var run = await _workspace.RunAsync(gate);

        Encoding.UTF8.GetByteCount(run.Summary).ShouldBeLessThanOrEqualTo(StepSummary.DefaultMaxBytes);
        run.Summary.ShouldStartWith("## AnnotationGate: FAIL");
    }

    [Fact]
    public async Task Report_paths_are_workspace_relative()
    {
        var gate = _workspace.WriteLengthGate("nested", max: 3, ["too long"]);

        await _workspace.RunAsync(gate);
        var result = JsonReport.Read(File.ReadAllText(_workspace.PathOf("annotationgate-report.json")));

        result.GateFile.ShouldBe("nested/nested.gate.yml");
        result.Findings.ShouldAllBe(f => f.File == "nested/outputs.jsonl");
    }

    private static List<string> Delimiters(string text) =>
        [.. text.Split('\n').Where(l => l.Contains("<<", StringComparison.Ordinal)).Select(l => l[(l.IndexOf("<<", StringComparison.Ordinal) + 2)..])];

    [GeneratedRegex("^ghadelimiter_[0-9a-f]{32}$")]
    private static partial Regex DelimiterShape();
}
