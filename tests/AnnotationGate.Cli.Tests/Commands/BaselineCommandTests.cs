using System.Text;
using AnnotationGate.Cli;

namespace AnnotationGate.Cli.Tests.Commands;

/// <summary>
/// The worked example of regression decisions, end to end through the CLI: a baseline with 45 of 50
/// golden items right, then runs in which one or ten of those items flip from right to wrong.
/// </summary>
public sealed class BaselineCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ag-baseline-" + Guid.NewGuid().ToString("N")[..12]);

    public BaselineCommandTests()
    {
        Directory.CreateDirectory(_folder);
        var golden = new StringBuilder();
        for (var i = 0; i < 50; i++)
        {
            golden.AppendLine($"{{\"id\":\"g{i:00}\",\"label\":\"{(i % 2 == 0 ? "yes" : "no")}\"}}");
        }

        File.WriteAllText(PathOf("golden.jsonl"), golden.ToString());
        File.WriteAllText(PathOf("gate.gate.yml"), """
            version: 1
            datasets:
              predictions: { path: predictions.jsonl, id: id }
              golden: { path: golden.jsonl, id: id, purpose: golden, labels: { field: label, source: expert } }
            checks:
              - { id: eval, type: golden, dataset: predictions, golden: golden, prediction: label }
            baseline: baseline.json
            regression: { tolerance: 0.02, alpha: 0.05 }
            """);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task One_flip_is_noise_and_passes()
    {
        await RecordBaselineAsync();
        WritePredictions(wrong: 6);

        var (exitCode, output, _) = await RunAsync("run", PathOf("gate.gate.yml"), "--root", _folder, "--report-json", PathOf("r.json"));

        exitCode.ShouldBe(0);
        output.ShouldNotContain("AG2010");
        (await File.ReadAllTextAsync(PathOf("r.json"))).ShouldContain("\"regression\"");
    }

    [Fact]
    public async Task Ten_flips_are_a_regression()
    {
        await RecordBaselineAsync();
        WritePredictions(wrong: 15);

        var (exitCode, output, _) = await RunAsync("run", PathOf("gate.gate.yml"), "--root", _folder);

        exitCode.ShouldBe(1);
        output.ShouldContain("AG2010");
        output.ShouldContain("p = 0.0020");
    }

    [Fact]
    public async Task Failed_run_keeps_the_existing_baseline()
    {
        await RecordBaselineAsync();
        var before = await File.ReadAllTextAsync(PathOf("baseline.json"));
        File.WriteAllText(PathOf("predictions.jsonl"), "{\"id\":\"g00\",\"label\":\"yes\"}\n{broken\n");

        var (exitCode, _, error) = await RunAsync("baseline", PathOf("gate.gate.yml"), "--root", _folder);

        exitCode.ShouldNotBe(0);
        error.ShouldContain("the baseline was not written");
        (await File.ReadAllTextAsync(PathOf("baseline.json"))).ShouldBe(before);
    }

    private async Task RecordBaselineAsync()
    {
        WritePredictions(wrong: 5);
        var (exitCode, output, error) = await RunAsync("baseline", PathOf("gate.gate.yml"), "--root", _folder);
        exitCode.ShouldBe(0, output + error);
    }

    /// <summary>Writes predictions where the first <paramref name="wrong"/> items are wrong.</summary>
    private void WritePredictions(int wrong)
    {
        var lines = new StringBuilder();
        for (var i = 0; i < 50; i++)
        {
            var right = i % 2 == 0 ? "yes" : "no";
            var label = i < wrong ? (right == "yes" ? "no" : "yes") : right;
            lines.AppendLine($"{{\"id\":\"g{i:00}\",\"label\":\"{label}\"}}");
        }

        File.WriteAllText(PathOf("predictions.jsonl"), lines.ToString());
    }

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => Cli.RunAsync(args);
}
