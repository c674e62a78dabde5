using AnnotationGate.Cli;
using AnnotationGate.Embeddings.Paraphrasing;

namespace AnnotationGate.Cli.Tests.Commands;

public sealed class ParaphraseCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ag-cli-paraphrase-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Paraphrase_rejects_output_linked_to_input()
    {
        var input = Write("same.jsonl", """{"id": "a", "text": "If the order is late, I can't get a refund."}""");
        var link = Path.Combine(_folder, "link.jsonl");
        File.CreateSymbolicLink(link, input);
        var before = await File.ReadAllTextAsync(input);

        var (exitCode, _, error) = await RunAsync("paraphrase", input, "-o", link);

        exitCode.ShouldBe(2);
        error.ShouldBe(
            $"error: --output '{link}' is the inputs file (through the symbolic link, it is '{ParaphraseFiles.ResolveFinalPath(input)}'); "
            + $"choose another file so the inputs are not overwritten.{Environment.NewLine}");
        (await File.ReadAllTextAsync(input)).ShouldBe(before);
        File.ResolveLinkTarget(link, returnFinalTarget: true)!.FullName.ShouldBe(input);
    }

    [Fact]
    public async Task Paraphrase_names_each_bad_option_value()
    {
        var input = Write("in.jsonl", """{"id": "a", "text": "Hello."}""");

        var (exitCode, _, error) = await RunAsync(
            "paraphrase", input, "-o", Path.Combine(_folder, "o.jsonl"), "--variants", "-1", "--min-similarity", "1.5");

        exitCode.ShouldBe(2);
        var lines = error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldBe(
        [
            "error: --variants is -1; it must be 1 or more.",
            "error: --min-similarity is 1.5; it must be between 0 and 1.",
        ]);
    }

    [Fact]
    public async Task Paraphrase_rejects_named_id_field_missing()
    {
        var input = Write("in.jsonl", """{"id": "a", "text": "Hello."}""", """{"id": "b", "text": "Bye."}""");

        var (exitCode, _, error) = await RunAsync("paraphrase", input, "-o", Path.Combine(_folder, "o.jsonl"), "--id-field", "nope");

        exitCode.ShouldBe(2);
        error.ShouldStartWith($"error: {input}: 2 of 2 input(s) have no id at 'nope' (lines 1, 2).");
        File.Exists(Path.Combine(_folder, "o.jsonl")).ShouldBeFalse();
    }

    [Fact]
    public async Task Paraphrase_names_missing_input_and_folder()
    {
        var input = Write("in.jsonl", """{"id": "a", "text": "Hello."}""");
        var missing = Path.Combine(_folder, "missing.jsonl");
        var noFolder = Path.Combine(_folder, "out", "o.jsonl");

        var (missingExit, _, missingError) = await RunAsync("paraphrase", missing, "-o", Path.Combine(_folder, "o.jsonl"));
        var (folderExit, _, folderError) = await RunAsync("paraphrase", input, "-o", noFolder);

        missingExit.ShouldBe(2);
        missingError.ShouldStartWith($"error: The inputs file '{missing}' was not found. Check the path");
        folderExit.ShouldBe(2);
        folderError.ShouldStartWith(
            $"error: The folder '{Path.Combine(_folder, "out")}' of --output '{noFolder}' does not exist. Create it first");
    }

    [Fact]
    public async Task Paraphrase_rejects_array_line_before_model()
    {
        var input = Write("in.jsonl", """{"id": "a", "text": "Hello."}""", "[1,2]");
        var output = Path.Combine(_folder, "o.jsonl");
        await File.WriteAllTextAsync(output, "earlier output\n");

        var (exitCode, _, error) = await RunAsync("paraphrase", input, "-o", output);

        exitCode.ShouldBe(2);
        error.ShouldStartWith($"error: {input}(2): the line is a JSON array, not a JSON object.");
        (await File.ReadAllTextAsync(output)).ShouldBe("earlier output\n");
    }

    [Fact]
    public async Task Paraphrase_help_places_cache_beside_inputs()
    {
        var (_, paraphraseHelp, _) = await RunAsync("paraphrase", "--help");
        var (_, runHelp, _) = await RunAsync("run", "--help");

        paraphraseHelp.ShouldContain(".annotationgate/cache beside the inputs file.");
        paraphraseHelp.ShouldNotContain("gate file");
        runHelp.ShouldContain(".annotationgate/cache beside the gate file.");
    }

    [Fact]
    public async Task Paraphrase_summary_counts_inputs_without_variants()
    {
        var longText = string.Join(" ", Enumerable.Repeat("The quick brown fox jumps over the lazy dog.", 40));
        var input = Write(
            "in.jsonl",
            """{"id": "zh", "text": "我无法登录我的账户"}""",
            $$"""{"id": "long", "text": "{{longText}}"}""",
            """{"id": "a", "text": "If the order is late, I cannot get a refund."}""",
            """{"id": "b", "text": "Buy it now."}""");
        var output = Path.Combine(_folder, "variants.jsonl");
        var cache = Path.Combine(AppContext.BaseDirectory, "model-cache");

        var (exitCode, stdout, _) = await RunAsync(
            "paraphrase", input, "-o", output, "--variants", "1", "--min-similarity", "1", "--cache", cache);

        exitCode.ShouldBe(0);
        var lines = stdout.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3);
        lines[0].ShouldBe($"Wrote {output}: 4 originals and 1 variant; 2 variants dropped below similarity 1.");
        lines[1].ShouldBe("3 inputs got no variant: 1 because no rewrite changed the text ('zh'); "
            + "2 because every variant was below similarity 1 ('a', 'b').");
        lines[2].ShouldBe("1 input was longer than the model's 256-word-piece limit; "
            + "its similarity covers the first 256 pieces ('long').");
        File.ReadAllLines(output).Length.ShouldBe(5);
    }

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => Cli.RunAsync(args);
}
