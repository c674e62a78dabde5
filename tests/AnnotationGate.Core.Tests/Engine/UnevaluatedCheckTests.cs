using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Engine;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Reporting;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Tests.Engine;

// A record check that evaluated no records must not read as "passed, 0 of 0" (AG1042).
public sealed class UnevaluatedCheckTests : IDisposable
{
    private const string Malformed = "{\"id\":\"a\", \"reply\": \n{bad json}\nnot json at all\n";

    private const string Gate = """
        version: 1
        datasets:
          outputs: { path: outputs.jsonl, id: id }
        checks:
          - id: short
            type: length
            dataset: outputs
            field: reply
            unit: code-points
            max: 10
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task All_malformed_records_fail_check()
    {
        _folder.Write("outputs.jsonl", Malformed);

        var result = await RunAsync(Gate);

        var check = result.Checks.Single(c => c.Id == "short");
        check.Status.ShouldBe(CheckStatus.Failed);
        check.StatusReason.ShouldBe("evaluated no records");
        check.RecordsChecked.ShouldBe(0);
        ReportText.StatusPhrase(check).ShouldBe("failed (evaluated no records)");
        var finding = result.Findings.Single(f => f.Code == RuleCatalog.CheckEvaluatedNoRecords);
        finding.Severity.ShouldBe(Severity.Error);
        finding.Message.ShouldBe("Check 'short' evaluated no records: none of the 3 records of dataset " +
            "'outputs' could be read (see the AG0003 and AG0004 findings), so it verified nothing. Fix those " +
            "records and run again.");
        finding.File.ShouldEndWith("test.gate.yml");
        finding.Line.ShouldBe(5);
        finding.Dataset.ShouldBe("outputs");
    }

    [Fact]
    public async Task All_malformed_records_reword_AG0010()
    {
        _folder.Write("outputs.jsonl", Malformed);

        var result = await RunAsync(Gate);

        result.Findings.Single(f => f.Code == RuleCatalog.EmptyDataset).Message.ShouldBe(
            "Dataset 'outputs' has no readable records in 'outputs.jsonl': all 3 were skipped because they " +
            "could not be parsed or decoded (AG0003, AG0004). Fix those records.");
        result.Findings.Count(f => f.Code == RuleCatalog.MalformedRecord).ShouldBe(3);
    }

    [Fact]
    public async Task Turned_down_reading_rules_still_fail()
    {
        _folder.Write("outputs.jsonl", Malformed);

        var result = await RunAsync(Gate + "\nrules: { AG0003: warning, AG0010: warning }\n");

        result.Verdict.ShouldBe(Verdict.Fail);
        result.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Code)
            .ShouldBe([RuleCatalog.CheckEvaluatedNoRecords]);
    }

    [Fact]
    public async Task Empty_dataset_names_AG0010()
    {
        _folder.Write("outputs.jsonl", "");

        var result = await RunAsync(Gate);

        result.Findings.Single(f => f.Code == RuleCatalog.CheckEvaluatedNoRecords).Message.ShouldBe(
            "Check 'short' evaluated no records because dataset 'outputs' has none (see AG0010), so it verified " +
            "nothing. Check the dataset's path and contents.");
        result.Checks.Single().Status.ShouldBe(CheckStatus.Failed);
    }

    [Fact]
    public async Task Rule_at_warning_keeps_check_passed()
    {
        _folder.Write("outputs.jsonl", "");

        var result = await RunAsync(Gate + "\nrules: { AG1042: warning, AG0010: notice }\n");

        result.Verdict.ShouldBe(Verdict.Pass);
        result.Findings.Single(f => f.Code == RuleCatalog.CheckEvaluatedNoRecords).Severity.ShouldBe(Severity.Warning);
        result.Checks.Single().Status.ShouldBe(CheckStatus.Passed);
        result.Checks.Single().StatusReason.ShouldBeNull();
    }

    [Fact]
    public async Task Check_severity_applies_to_AG1042()
    {
        _folder.Write("outputs.jsonl", "");

        var result = await RunAsync(Gate + "\n    severity: notice\nrules: { AG0010: notice }\n");

        result.Findings.Single(f => f.Code == RuleCatalog.CheckEvaluatedNoRecords).Severity.ShouldBe(Severity.Notice);
        result.Checks.Single().Status.ShouldBe(CheckStatus.Passed);
    }

    [Fact]
    public async Task Readable_record_clears_AG1042()
    {
        _folder.Write("outputs.jsonl", Malformed + "{\"id\":\"b\",\"reply\":\"hi\"}\n");

        var result = await RunAsync(Gate);

        result.Findings.ShouldNotContain(f => f.Code == RuleCatalog.CheckEvaluatedNoRecords);
        result.Findings.ShouldNotContain(f => f.Code == RuleCatalog.EmptyDataset);
        result.Checks.Single().RecordsChecked.ShouldBe(1);
        result.Checks.Single().Status.ShouldBe(CheckStatus.Passed);
    }

    [Fact]
    public void Skipped_records_give_skip_message()
    {
        var gatePath = _folder.Write("g.gate.yml", "version: 1\n");
        var gate = new LoadedGate(gatePath, "g.gate.yml", new GateConfig(), new Dictionary<string, (int, int)>());
        var findings = new FindingCollector();
        var session = new GateSession(gate, _folder.Path, findings, TimeProvider.System, new NoServices());
        var skipped = new CheckResult("groups", "custom") { Status = CheckStatus.Passed, RecordsSkipped = 4 };

        var flagged = UnevaluatedCheck.Flag(session, skipped, "outputs", checkSeverity: null, warningsAsErrors: false);

        flagged.Status.ShouldBe(CheckStatus.Failed);
        session.Findings.Findings.ShouldHaveSingleItem().Message.ShouldBe(
            "Check 'groups' skipped all 4 records it read from dataset 'outputs', so it verified nothing. " +
            "Give the records the fields the check reads, or remove the check.");
    }

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }

    private Task<GateResult> RunAsync(string gate)
    {
        var path = _folder.Write("test.gate.yml", gate);
        return new GateRunner(new GateRunOptions { RepositoryRoot = _folder.Path }).RunAsync(path);
    }
}
