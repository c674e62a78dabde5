using AnnotationGate.Core.Configuration;

namespace AnnotationGate.Core.Tests.Configuration;

public sealed class GateFileLoaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Valid_gate_binds_every_section()
    {
        var path = _folder.Write("g.gate.yml", """
            version: 1
            name: support
            model: { name: gpt-4o-mini }
            datasets:
              outputs: { path: out.jsonl, id: 17, purpose: outputs }
              golden:
                path: golden.csv
                id: id
                labels: { field: intent, source: expert }
            checks:
              - type: length
                dataset: outputs
                field: output.reply
                unit: utf8-bytes
                max: 120
              - type: golden
                dataset: outputs
                golden: golden
                prediction: output.intent
                thresholds: { accuracy: 0.9, "f1:billing": 0.8 }
            rules: { AG1010: warning }
            """);

        var gate = GateFileLoader.Load(path).Config;

        gate.Name.ShouldBe("support");
        gate.Datasets["outputs"].Id.ShouldBe("17");
        gate.Datasets["golden"].Labels!.Source.ShouldBe(LabelSource.Expert);
        var length = gate.Checks[0].ShouldBeOfType<LengthCheckConfig>();
        length.Unit.ShouldBe(LengthUnit.Utf8Bytes);
        length.Max.ShouldBe(120);
        gate.Checks[1].ShouldBeOfType<GoldenCheckConfig>().Thresholds["f1:billing"].ShouldBe(0.8);
        gate.Rules["AG1010"].ShouldBe(Findings.Severity.Warning);
    }

    [Fact]
    public void Invalid_gate_reports_every_error_with_position()
    {
        var path = _folder.Write("bad.gate.yml", """
            version: 1
            datasets:
              outputs:
                path: out.jsonl
                fromat: jsonl
            checks:
              - type: length
                dataset: outputs
                fied: output
                unit: tokenz
              - type: nosuch
                dataset: outputs
            rules: { AG9999: error }
            """);

        var errors = Should.Throw<GateConfigurationException>(() => GateFileLoader.Load(path)).Errors;

        errors.Select(e => (e.Line, e.Column)).ShouldBe([(5, 5), (7, 5), (9, 5), (10, 5), (11, 5), (13, 10)]);
        errors[0].Message.ShouldContain("Unknown key 'fromat'. Did you mean 'format'?");
        errors[1].Message.ShouldContain("Missing required key 'field'");
        errors[2].Message.ShouldContain("Did you mean 'field'?");
        errors[3].Message.ShouldContain("Expected one of: graphemes, code-points, utf16, utf8-bytes, words, tokens.");
        errors[4].Message.ShouldContain("Check type 'nosuch' is unknown");
        errors[5].Message.ShouldContain("Rule 'AG9999' does not exist");
        errors.ShouldAllBe(e => e.File == path);
    }

    [Fact]
    public void Yaml_syntax_error_points_at_position()
    {
        var path = _folder.Write("syntax.gate.yml", "version: 1\ndatasets:\n  a: [unclosed\n");

        var error = Should.Throw<GateConfigurationException>(() => GateFileLoader.Load(path)).Errors.ShouldHaveSingleItem();

        error.Line.ShouldBeGreaterThan(2);
        error.Message.ShouldStartWith("The gate file is not valid YAML");
    }

    [Fact]
    public void Unclosed_flow_mapping_points_at_brace()
    {
        var path = _folder.Write("brace.gate.yml", "version: 1 # don't { count this\ndatasets: {\n  outputs: { path: 'a{.jsonl' }\nchecks: []\n");

        var error = Should.Throw<GateConfigurationException>(() => GateFileLoader.Load(path)).Errors.ShouldHaveSingleItem();

        (error.Line, error.Column).ShouldBe((2, 11));
        error.Message.ShouldBe("The gate file is not valid YAML: the '{' here is never closed. Close it with '}'.");
    }

    [Fact]
    public void Truncated_json_gate_names_json()
    {
        var path = _folder.Write("cut.gate.json", "{\"version\": 1, \"datasets\": {");

        var error = Should.Throw<GateConfigurationException>(() => GateFileLoader.Load(path)).Errors.ShouldHaveSingleItem();

        error.Message.ShouldStartWith("The gate file is not valid JSON (read as YAML): ");
    }

    [Fact]
    public void Newer_version_says_to_update()
    {
        var path = _folder.Write("v2.gate.yml", "version: 2\ndatasets: {}\n");

        var error = Should.Throw<GateConfigurationException>(() => GateFileLoader.Load(path)).Errors.ShouldHaveSingleItem();

        error.Message.ShouldContain("Gate file version 2 is newer than this tool reads (version 1");
        error.Line.ShouldBe(1);
    }

    [Fact]
    public void Json_gate_file_is_accepted()
    {
        var path = _folder.Write("g.gate.json", """{"version": 1, "datasets": {"o": {"path": "o.jsonl"}}, "checks": [{"type": "required-fields", "dataset": "o", "fields": ["a"]}]}""");

        var gate = GateFileLoader.Load(path).Config;

        gate.Checks.ShouldHaveSingleItem().ShouldBeOfType<RequiredFieldsCheckConfig>().Fields.ShouldBe(["a"]);
    }

    [Fact]
    public void Duplicate_key_is_an_error()
    {
        var path = _folder.Write("dup.gate.yml", "version: 1\ndatasets: {}\nversion: 1\n");

        var error = Should.Throw<GateConfigurationException>(() => GateFileLoader.Load(path)).Errors.ShouldHaveSingleItem();

        error.Message.ShouldContain("Duplicate key version");
        error.Line.ShouldBe(3);
    }

    [Fact]
    public void Committed_schema_matches_the_configuration_types()
    {
        var committed = File.ReadAllText(RepositoryPaths.PathOf("docs", "gate.schema.json"));

        committed.ShouldBe(GateSchema.Generate(), "docs/gate.schema.json is stale: run 'annotationgate schema -o docs/gate.schema.json'.");
    }

    [Fact]
    public void Every_example_gate_validates()
    {
        var gates = Directory.GetFiles(RepositoryPaths.PathOf("eval-configs"), "*.gate.yml");

        foreach (var gate in gates)
        {
            Should.NotThrow(() => GateFileLoader.Load(gate), gate);
        }
    }
}
