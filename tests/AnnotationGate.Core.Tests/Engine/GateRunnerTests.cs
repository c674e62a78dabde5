using AnnotationGate.Core.Engine;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Tests.Engine;

public sealed class GateRunnerTests : IDisposable
{
    private const string LengthGate = """
        version: 1
        datasets:
          outputs: { path: outputs.jsonl, id: id }
        checks:
          - { id: short, type: length, dataset: outputs, field: reply, unit: code-points, max: 10 }
          - { id: fields, type: required-fields, dataset: outputs, fields: [id, reply] }
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Clean_data_passes()
    {
        _folder.Write("outputs.jsonl", "{\"id\":\"a\",\"reply\":\"hi\"}\n{\"id\":\"b\",\"reply\":\"hello\"}\n");

        var result = await RunAsync(LengthGate);

        result.Verdict.ShouldBe(Verdict.Pass);
        result.Findings.ShouldBeEmpty();
        result.Checks.Select(c => c.Id).ShouldBe(["short", "fields"]);
        result.Checks[0].RecordsChecked.ShouldBe(2);
    }

    [Fact]
    public async Task Bad_records_fail_with_locations_and_run_continues()
    {
        _folder.Write("outputs.jsonl", string.Join("\n",
            "{\"id\":\"a\",\"reply\":\"far too long for ten\"}",
            "{\"id\":\"b\",",
            "",
            "{\"id\":\"a\",\"reply\":\"ok\"}",
            "{\"reply\":\"no id\"}"));

        var result = await RunAsync(LengthGate);

        result.Verdict.ShouldBe(Verdict.Fail);
        Codes(result).ShouldBe([
            (RuleCatalog.LengthOutOfBounds, 1),
            (RuleCatalog.MalformedRecord, 2),
            (RuleCatalog.DuplicateId, 4),
            (RuleCatalog.RequiredFieldMissing, 5),
            (RuleCatalog.MissingId, 5),
        ], ignoreOrder: true);
        result.Findings.ShouldAllBe(f => f.File!.EndsWith("outputs.jsonl"));
        result.Checks[0].RecordsChecked.ShouldBe(3);
    }

    [Fact]
    public async Task Parallel_and_serial_runs_agree()
    {
        var lines = Enumerable.Range(0, 20_000).Select(i => i % 997 == 0
            ? $"{{\"id\":\"r{i % 5000}\",\"reply\":\"this reply is too long\"}}"
            : $"{{\"id\":\"r{i}\",\"reply\":\"ok\"}}");
        _folder.Write("outputs.jsonl", string.Join("\n", lines));
        _folder.Write("outputs.json", "[" + string.Join(",\n", lines) + "]");
        var jsonArrayGate = LengthGate.Replace("outputs.jsonl", "outputs.json", StringComparison.Ordinal);

        var parallel = await RunAsync(LengthGate);
        var serial = await RunAsync(jsonArrayGate);

        Codes(parallel).ShouldBe(Codes(serial));
        parallel.Findings.Count.ShouldBeGreaterThan(21);
        parallel.Checks[0].RecordsFailed.ShouldBe(serial.Checks[0].RecordsFailed);
    }

    [Fact]
    public async Task Unknown_check_type_cannot_run()
    {
        // A record with an assertion type the tool does not know must never count as passing.
        _folder.Write("outputs.jsonl", """{"id": "1", "vars": {"text": "Hello"}, "assert": [{"type": "equals", "value": "Hola"}]}""");

        var result = await RunAsync("""
            version: 1
            datasets: { outputs: { path: outputs.jsonl, id: id } }
            checks: [{ type: equals, dataset: outputs }]
            """);

        result.Verdict.ShouldBe(Verdict.Error);
        result.Findings.ShouldHaveSingleItem().Message.ShouldContain("Check type 'equals' is unknown");
    }

    [Fact]
    public async Task Gate_without_checks_cannot_run()
    {
        _folder.Write("outputs.jsonl", "{\"id\":\"1\"}\n");

        var result = await RunAsync("version: 1\ndatasets: { outputs: { path: outputs.jsonl } }\n");

        result.Verdict.ShouldBe(Verdict.Error);
        result.Findings.ShouldHaveSingleItem().Code.ShouldBe(RuleCatalog.NoCheckExecuted);
    }

    [Fact]
    public async Task Missing_dataset_file_cannot_run()
    {
        var result = await RunAsync(LengthGate);

        result.Verdict.ShouldBe(Verdict.Error);
        var finding = result.Findings.ShouldHaveSingleItem();
        finding.Code.ShouldBe(RuleCatalog.DatasetNotFound);
        finding.Line.ShouldBe(3);
    }

    [Fact]
    public async Task Path_outside_repository_is_rejected()
    {
        var result = await RunAsync(LengthGate.Replace("outputs.jsonl", "../../etc/passwd.jsonl", StringComparison.Ordinal));

        result.Verdict.ShouldBe(Verdict.Error);
        result.Findings.ShouldHaveSingleItem().Code.ShouldBe(RuleCatalog.PathOutsideRepository);
    }

    [Fact]
    public async Task Symbolic_link_cannot_leave_repository()
    {
        using var outside = new TempFolder();
        outside.Write("outputs.jsonl", "{\"id\":\"a\",\"reply\":\"hi\"}\n");
        Directory.CreateSymbolicLink(Path.Combine(_folder.Path, "linked"), outside.Path);

        var result = await RunAsync(LengthGate.Replace("outputs.jsonl", "linked/outputs.jsonl", StringComparison.Ordinal));

        result.Verdict.ShouldBe(Verdict.Error);
        result.Findings.ShouldHaveSingleItem().Code.ShouldBe(RuleCatalog.PathOutsideRepository);
    }

    [Fact]
    public async Task Warnings_fail_only_when_asked()
    {
        _folder.Write("outputs.jsonl", "{\"id\":\"a\",\"reply\":\"far too long for ten\"}\n");
        var gate = LengthGate + "\nrules: { AG1010: warning }\n";

        var lenient = await RunAsync(gate);
        var strict = await RunAsync(gate, warningsAsErrors: true);

        lenient.Verdict.ShouldBe(Verdict.Pass);
        lenient.Findings.ShouldHaveSingleItem().Severity.ShouldBe(Severity.Warning);
        strict.Verdict.ShouldBe(Verdict.Fail);
    }

    [Fact]
    public async Task Example_gates_give_their_verdicts()
    {
        var runner = new GateRunner(new GateRunOptions { RepositoryRoot = RepositoryPaths.Root });

        var passing = await runner.RunAsync(RepositoryPaths.PathOf("eval-configs", "passing.gate.yml"));
        var failing = await runner.RunAsync(RepositoryPaths.PathOf("eval-configs", "failing.gate.yml"));

        passing.Findings.Where(f => f.Severity >= Severity.Warning).ShouldBeEmpty();
        passing.Verdict.ShouldBe(Verdict.Pass);
        failing.Verdict.ShouldBe(Verdict.Fail);
        var threshold = failing.Findings.First(f => f.Code == RuleCatalog.MetricBelowThreshold);
        threshold.File.ShouldEndWith("failing.gate.yml");
        threshold.Line.ShouldNotBeNull();
        var checksWithFindings = failing.Findings.Select(f => f.Check).Distinct().ToList();
        // The label-source policy has an example of its own (policy.gate.yml) that fires every rule.
        foreach (var check in failing.Checks.Where(c => c.Type != "policy"))
        {
            checksWithFindings.ShouldContain(check.Id, $"check '{check.Id}' shows no finding in the failing example");
        }
    }

    private Task<GateResult> RunAsync(string gate, bool warningsAsErrors = false)
    {
        var path = _folder.Write("test.gate.yml", gate);
        var runner = new GateRunner(new GateRunOptions { RepositoryRoot = _folder.Path, WarningsAsErrors = warningsAsErrors });
        return runner.RunAsync(path);
    }

    private static List<(string Code, int? Line)> Codes(GateResult result) =>
        [.. result.Findings.Select(f => (f.Code, f.Line)).OrderBy(c => c.Line).ThenBy(c => c.Code, StringComparer.Ordinal)];
}
