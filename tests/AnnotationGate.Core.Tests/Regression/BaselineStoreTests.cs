using System.Text.Json.Nodes;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Regression;
using AnnotationGate.Core.Results;
using static AnnotationGate.Core.Tests.Regression.RegressionTestData;

namespace AnnotationGate.Core.Tests.Regression;

public sealed class BaselineStoreTests : IDisposable
{
    private const string GateHash = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("ag-baseline-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Baseline_round_trips_items_and_metadata()
    {
        string path = Path.Combine(_folder, "baselines", "intent.json");
        var items = Items(6, 5, i => i % 2 == 0 ? "en" : "fr");

        BaselineStore.Write(path, Result(items), GateHash, new FixedTime(Now));
        var read = BaselineStore.Read(path);

        read.FormatVersion.ShouldBe(1);
        read.ToolVersion.ShouldBe(ToolInfo.Version);
        read.GateName.ShouldBe("support-intent");
        read.GateFileSha256.ShouldBe(GateHash);
        read.CreatedAt.ShouldBe(Now);
        var check = read.Checks.ShouldHaveSingleItem();
        check.Items.Count.ShouldBe(6);
        check.Items[5].Predicted.ShouldBe("billing");
        check.Items[5].Correct.ShouldBeFalse();
        check.Items[1].Slices!["language"].ShouldBe("fr");
        check.Metrics.ShouldHaveSingleItem().Name.ShouldBe("accuracy");
        check.GoldenFingerprint.ShouldBe(GoldenFingerprint.Compute(items));
    }

    [Fact]
    public void Baseline_json_stores_correct_flag()
    {
        string path = Path.Combine(_folder, "b.json");

        BaselineStore.Write(path, Result(Items(3, 2)), GateHash, new FixedTime(Now));
        var json = JsonNode.Parse(File.ReadAllText(path))!;

        json["formatVersion"]!.GetValue<int>().ShouldBe(1);
        json["checks"]![0]!["items"]![2]!["correct"]!.GetValue<bool>().ShouldBeFalse();
        json["checks"]![0]!["items"]![0]!["correct"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public void Failed_result_leaves_existing_baseline_untouched()
    {
        string path = Path.Combine(_folder, "b.json");
        BaselineStore.Write(path, Result(Items(3, 3)), GateHash, new FixedTime(Now));
        byte[] before = File.ReadAllBytes(path);
        var failed = Result(Items(3, 0), Verdict.Fail);

        var error = Should.Throw<BaselineException>(
            () => BaselineStore.Write(path, failed, GateHash, new FixedTime(Now)));

        error.Message.ShouldContain("did not pass");
        File.ReadAllBytes(path).ShouldBe(before);
        Directory.GetFiles(_folder).ShouldHaveSingleItem();
    }

    [Fact]
    public void Golden_check_without_outcomes_is_rejected()
    {
        string path = Path.Combine(_folder, "b.json");
        var result = Result([]);

        var error = Should.Throw<BaselineException>(
            () => BaselineStore.Write(path, result, GateHash, new FixedTime(Now)));

        error.Message.ShouldContain("'intent' has no item outcomes");
        File.Exists(path).ShouldBeFalse();
    }

    [Fact]
    public void Missing_file_gives_warning_finding()
    {
        string path = Path.Combine(_folder, "absent.json");

        var load = BaselineStore.Load(path, "baselines/absent.json");

        load.Baseline.ShouldBeNull();
        load.Finding!.Code.ShouldBe(RuleCatalog.BaselineMissing);
        load.Finding.Severity.ShouldBe(Severity.Warning);
        load.Finding.File.ShouldBe("baselines/absent.json");
        load.Finding.Message.ShouldContain("does not exist");
    }

    [Fact]
    public void Invalid_json_gives_error_finding()
    {
        string path = Path.Combine(_folder, "broken.json");
        File.WriteAllText(path, "{\n  \"formatVersion\": 1,\n  \"checks\": [\n");

        var load = BaselineStore.Load(path);

        load.Finding!.Code.ShouldBe(RuleCatalog.BaselineUnreadable);
        load.Finding.Severity.ShouldBe(Severity.Error);
        load.Finding.Message.ShouldContain("is not valid JSON");
    }

    [Fact]
    public void Newer_format_asks_for_upgrade()
    {
        string path = Path.Combine(_folder, "future.json");
        File.WriteAllText(path, "{ \"formatVersion\": 2, \"toolVersion\": \"3.1.0\", \"checks\": [] }");

        var error = Should.Throw<BaselineException>(() => BaselineStore.Read(path));

        error.Message.ShouldBe(
            $"The baseline file '{path}' was written by AnnotationGate 3.1.0 with format 2; "
            + $"this version ({ToolInfo.Version}) reads format 1. Upgrade AnnotationGate.");
    }

    [Fact]
    public void Json_without_format_version_is_rejected()
    {
        string path = Path.Combine(_folder, "other.json");
        File.WriteAllText(path, "{ \"name\": \"something else\" }");

        var error = Should.Throw<BaselineException>(() => BaselineStore.Read(path));

        error.Message.ShouldContain("has no valid 'formatVersion'");
        error.IsMissing.ShouldBeFalse();
    }

    [Fact]
    public void Fingerprint_ignores_order_and_predictions()
    {
        var items = Items(5, 5);
        var shuffled = items.AsEnumerable().Reverse().Select(i => i with { Predicted = "other" }).ToList();

        string first = GoldenFingerprint.Compute(items);
        string second = GoldenFingerprint.Compute(shuffled);

        second.ShouldBe(first);
        GoldenFingerprint.Compute(items.Skip(1)).ShouldNotBe(first);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
