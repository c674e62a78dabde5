using AnnotationGate.Cli;

namespace AnnotationGate.Cli.Tests.Commands;

public sealed class CommandLineTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ag-cli-" + Guid.NewGuid().ToString("N")[..12]);

    public CommandLineTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "outputs.jsonl"), "{\"id\":\"a\",\"reply\":\"hi\"}\n{\"id\":\"b\",\"reply\":\"a reply that is too long\"}\n");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Run_exit_codes_follow_the_verdict()
    {
        var passing = WriteGate("pass.gate.yml", max: 100);
        var failing = WriteGate("fail.gate.yml", max: 5);

        (await RunAsync("run", passing, "--root", _folder)).ExitCode.ShouldBe(0);
        (await RunAsync("run", failing, "--root", _folder)).ExitCode.ShouldBe(1);
        (await RunAsync("run", Path.Combine(_folder, "missing.gate.yml"))).ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task Run_prints_canonical_finding_lines()
    {
        var failing = WriteGate("fail.gate.yml", max: 5);

        var (_, output, _) = await RunAsync("run", failing, "--root", _folder);

        output.ShouldContain("outputs.jsonl(2): error AG1010: Field 'reply' has 24 code points, above the maximum of 5 code points.");
        output.ShouldContain("FAIL");
    }

    [Fact]
    public async Task Run_writes_every_report()
    {
        var gate = WriteGate("fail.gate.yml", max: 5);
        string[] reports = ["r.json", "r.md", "r.xml", "r.sarif"];

        var (exitCode, _, _) = await RunAsync("run", gate, "--root", _folder,
            "--report-json", Output("r.json"), "--report-markdown", Output("r.md"), "--junit", Output("r.xml"), "--sarif", Output("r.sarif"));

        exitCode.ShouldBe(1);
        foreach (var report in reports)
        {
            new FileInfo(Output(report)).Length.ShouldBeGreaterThan(100, report);
        }
    }

    [Fact]
    public async Task Report_never_overwrites_an_input()
    {
        var gate = WriteGate("pass.gate.yml", max: 100);
        var before = await File.ReadAllTextAsync(Output("outputs.jsonl"));

        var (exitCode, _, error) = await RunAsync("run", gate, "--root", _folder, "--report-json", Output("outputs.jsonl"));

        exitCode.ShouldBe(2);
        error.ShouldContain("is an input of the gate; the report was not written");
        (await File.ReadAllTextAsync(Output("outputs.jsonl"))).ShouldBe(before);
    }

    [Fact]
    public async Task Validate_reports_errors_with_position()
    {
        var gate = Path.Combine(_folder, "bad.gate.yml");
        await File.WriteAllTextAsync(gate, "version: 1\ndatasets:\n  o: { path: outputs.jsonl, idd: id }\nchecks: []\n");

        var (exitCode, _, error) = await RunAsync("validate", gate);

        exitCode.ShouldBe(2);
        error.ShouldContain("bad.gate.yml(3,29): error AG0001: Unknown key 'idd'. Did you mean 'id'?");
    }

    [Fact]
    public async Task Invalid_arguments_exit_with_two()
    {
        var (exitCode, _, error) = await RunAsync("run", "a.gate.yml", "--no-such-option");

        exitCode.ShouldBe(2);
        error.ShouldContain("--no-such-option");
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("run", "--help")]
    [InlineData("validate", "--help")]
    [InlineData("schema", "--help")]
    public async Task Help_is_available_everywhere(params string[] args)
    {
        var (exitCode, output, _) = await RunAsync(args);

        exitCode.ShouldBe(0);
        output.ShouldContain("Usage:");
    }

    [Fact]
    public async Task Unwritable_cache_stops_only_its_check()
    {
        var gate = Path.Combine(_folder, "embed.gate.yml");
        File.WriteAllText(gate, """
            version: 1
            datasets:
              outputs: { path: outputs.jsonl, id: id }
            checks:
              - { type: length, dataset: outputs, field: reply, unit: code-points, max: 5 }
              - { id: alike, type: paraphrase-consistency, dataset: outputs, field: reply, input-id: id }
            """);
        var notAFolder = Output("cache-file");
        File.WriteAllText(notAFolder, "a file where the cache folder should be");

        var (exitCode, output, _) = await RunAsync("run", gate, "--root", _folder, "--cache", notAFolder);

        exitCode.ShouldBe(2);
        output.ShouldContain("error AG1010:");
        output.ShouldContain($"error AG0012: Check 'alike' could not run: Writing the embedding model to the cache folder '{notAFolder}' failed: ");
        output.ShouldContain("Make the folder writable, or pass --cache (or set ANNOTATIONGATE_CACHE) with a writable folder. The other checks ran; fix the cause and run again.");
    }

    private string Output(string name) => Path.Combine(_folder, name);

    private string WriteGate(string name, int max)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, $$"""
            version: 1
            datasets:
              outputs: { path: outputs.jsonl, id: id }
            checks:
              - { type: length, dataset: outputs, field: reply, unit: code-points, max: {{max}} }
            """);
        return path;
    }

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => Cli.RunAsync(args);
}
