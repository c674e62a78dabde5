using AnnotationGate.Embeddings.Paraphrasing;

namespace AnnotationGate.Embeddings.Tests;

/// <summary>Tests of reading paraphrase inputs and of checking and writing paraphrase files. No model runs.</summary>
public sealed class ParaphraseInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ag-paraphrase-input-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("[1,2]", "array")]
    [InlineData("\"hello\"", "string")]
    [InlineData("42", "number")]
    [InlineData("null", "null")]
    public void Read_rejects_line_that_is_no_object(string line, string kind)
    {
        var input = Write("""{"text": "Fine."}""", line);

        var error = Should.Throw<InvalidDataException>(() => ParaphraseInputReader.Read(input, new ParaphraseOptions()));

        error.Message.ShouldBe(
            $"{input}(2): the line is a JSON {kind}, not a JSON object. "
            + """Write one JSON object per line, such as {"id": "q1", "text": "How do I reset my password?"}.""");
    }

    [Fact]
    public void Read_rejects_invalid_json_without_positions()
    {
        var input = Write("""{"text": "Fine."}""", "not json");

        var error = Should.Throw<InvalidDataException>(() => ParaphraseInputReader.Read(input, new ParaphraseOptions()));

        error.Message.ShouldBe(
            $"{input}(2): the line is not valid JSON: 'not json' is an invalid JSON literal. "
            + "Expected the literal 'null'. Write one JSON object per line.");
        error.Message.ShouldNotContain("LineNumber");
        error.Message.ShouldNotContain("BytePositionInLine");
    }

    [Theory]
    [InlineData("""{"text": "   "}""")]
    [InlineData("""{"text": ""}""")]
    [InlineData("""{"text": "\n\t"}""")]
    [InlineData("""{"text": "\u200B \u200D"}""")]
    public void Read_rejects_blank_text(string line)
    {
        var input = Write("""{"text": "Fine."}""", line);

        var error = Should.Throw<InvalidDataException>(() => ParaphraseInputReader.Read(input, new ParaphraseOptions()));

        error.Message.ShouldBe(
            $"{input}(2): the text at 'text' is empty or only whitespace, so there is nothing to paraphrase. "
            + "Fill in the text or remove the line.");
    }

    [Fact]
    public void Read_names_missing_ids_when_required()
    {
        var input = Write("""{"text": "One."}""", """{"key": "k2", "text": "Two."}""", """{"text": "Three."}""");
        var options = new ParaphraseOptions { IdField = "key", RequireIds = true };

        var error = Should.Throw<InvalidDataException>(() => ParaphraseInputReader.Read(input, options));

        error.Message.ShouldBe(
            $"{input}: 2 of 3 input(s) have no id at 'key' (lines 1, 3). Add the field to every input, pass the "
            + "--id-field that holds the ids, or leave out --id-field so that an input without an 'id' field gets the id line-N.");
    }

    [Fact]
    public void Read_gives_line_ids_by_default()
    {
        var input = Write("""{"text": "One."}""", "", """{"id": "b", "text": "Two."}""", """{"text": "Three."}""");

        var inputs = ParaphraseInputReader.Read(input, new ParaphraseOptions());

        inputs.Select(i => i.Id).ShouldBe(["line-1", "b", "line-4"]);
        inputs.Select(i => i.Text).ShouldBe(["One.", "Two.", "Three."]);
    }

    [Fact]
    public void CheckPaths_rejects_output_linked_to_input()
    {
        var input = Write("""{"text": "One."}""");
        var link = Path.Combine(_folder, "link.jsonl");
        File.CreateSymbolicLink(link, "inputs.jsonl");

        var error = Should.Throw<IOException>(() => ParaphraseFiles.CheckPaths(input, link));

        error.Message.ShouldBe(
            $"--output '{link}' is the inputs file (through the symbolic link, it is '{ParaphraseFiles.ResolveFinalPath(input)}'); "
            + "choose another file so the inputs are not overwritten.");
    }

    [Fact]
    public void CheckPaths_rejects_output_through_linked_folder()
    {
        var input = Write("""{"text": "One."}""");
        var linkedFolder = Path.Combine(_folder, "alias");
        Directory.CreateSymbolicLink(linkedFolder, _folder);
        var output = Path.Combine(linkedFolder, "inputs.jsonl");

        var error = Should.Throw<IOException>(() => ParaphraseFiles.CheckPaths(input, output));

        error.Message.ShouldContain($"--output '{output}' is the inputs file");
    }

    [Fact]
    public void CheckPaths_rejects_same_path()
    {
        var input = Write("""{"text": "One."}""");

        var error = Should.Throw<IOException>(() => ParaphraseFiles.CheckPaths(input, input));

        error.Message.ShouldBe($"--output '{input}' is the inputs file; choose another file so the inputs are not overwritten.");
    }

    [Fact]
    public void CheckPaths_names_missing_input_and_folder()
    {
        var input = Write("""{"text": "One."}""");
        var missingInput = Path.Combine(_folder, "missing.jsonl");
        var missingFolder = Path.Combine(_folder, "nowhere");

        var noInput = Should.Throw<FileNotFoundException>(() => ParaphraseFiles.CheckPaths(missingInput, Path.Combine(_folder, "o.jsonl")));
        var noFolder = Should.Throw<DirectoryNotFoundException>(() => ParaphraseFiles.CheckPaths(input, Path.Combine(missingFolder, "o.jsonl")));

        noInput.Message.ShouldBe(
            $"The inputs file '{missingInput}' was not found. Check the path, or write a JSONL file with one "
            + """{"id": ..., "text": ...} object per line.""");
        noFolder.Message.ShouldBe(
            $"The folder '{missingFolder}' of --output '{Path.Combine(missingFolder, "o.jsonl")}' does not exist. "
            + "Create it first, or write the output to an existing folder.");
    }

    [Fact]
    public void WriteAtomically_keeps_old_file_on_failure()
    {
        var output = Path.Combine(_folder, "out.jsonl");
        File.WriteAllText(output, "earlier output\n");

        Should.Throw<InvalidOperationException>(() => ParaphraseFiles.WriteAtomically(output, writer =>
        {
            writer.Write("half a line");
            throw new InvalidOperationException("The model failed.");
        }));

        File.ReadAllText(output).ShouldBe("earlier output\n");
        Directory.GetFiles(_folder).ShouldBe([output]);
    }

    [Fact]
    public void WriteAtomically_replaces_file_on_success()
    {
        var output = Path.Combine(_folder, "out.jsonl");
        File.WriteAllText(output, "earlier output\n");

        ParaphraseFiles.WriteAtomically(output, writer => writer.Write("new output\n"));

        File.ReadAllText(output).ShouldBe("new output\n");
        Directory.GetFiles(_folder).ShouldBe([output]);
    }

    private string Write(params string[] lines)
    {
        var path = Path.Combine(_folder, "inputs.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }
}
