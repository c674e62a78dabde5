namespace AnnotationGate.MSBuild.Tests;

public sealed class GateInputsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "annotationgate-inputs-" + Guid.NewGuid().ToString("N")[..12]);

    public GateInputsTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "gates", "schemas"));
        Directory.CreateDirectory(Path.Combine(_folder, "shared"));
        foreach (var file in new[] { "gates/data.jsonl", "gates/golden set.jsonl", "gates/schemas/reply.schema.json", "shared/base.json", "gates/commented.jsonl" })
        {
            File.WriteAllText(Path.Combine(_folder, file), "{}");
        }
    }

    [Fact]
    public void FindReferencedFiles_yaml_gate_finds_named_files()
    {
        var gate = Write("gates/a.gate.yml", """
            # commented.jsonl is only named in a comment
            datasets:
              outputs: { path: data.jsonl, id: id }
              golden:
                path: 'golden set.jsonl'
            checks:
              - schema: schemas/reply.schema.json   # reply format
            baseline: ../shared/base.json
            missing: data/none.jsonl
            """);

        var files = GateInputs.FindReferencedFiles(gate);

        files.ShouldBe(
            [
                Path.Combine(_folder, "gates", "data.jsonl"),
                Path.Combine(_folder, "gates", "golden set.jsonl"),
                Path.Combine(_folder, "gates", "schemas", "reply.schema.json"),
                Path.Combine(_folder, "shared", "base.json"),
            ],
            ignoreOrder: true);
    }

    [Fact]
    public void FindReferencedFiles_json_gate_finds_named_files()
    {
        var gate = Write("gates/b.gate.json", """{ "datasets": { "o": { "path": "data.jsonl" } }, "name": "gates" }""");

        var files = GateInputs.FindReferencedFiles(gate);

        files.ShouldBe([Path.Combine(_folder, "gates", "data.jsonl")]);
    }

    [Fact]
    public void StampName_same_file_name_differs_by_folder()
    {
        var first = GateInputs.StampName(Path.Combine(_folder, "one", "x.gate.yml"));
        var second = GateInputs.StampName(Path.Combine(_folder, "two", "x.gate.yml"));

        first.ShouldStartWith("x.gate.yml.");
        second.ShouldStartWith("x.gate.yml.");
        first.ShouldNotBe(second);
        GateInputs.StampName(Path.Combine(_folder, "one", "x.gate.yml")).ShouldBe(first);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string relativePath, string text)
    {
        var path = Path.Combine(_folder, relativePath);
        File.WriteAllText(path, text);
        return path;
    }
}
