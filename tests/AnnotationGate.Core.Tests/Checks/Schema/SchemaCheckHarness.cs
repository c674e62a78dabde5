using System.Text.Json;
using AnnotationGate.Core.Checks;
using AnnotationGate.Core.Checks.Schema;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;
using AnnotationGate.Core.Engine;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Tests.Checks.Schema;

/// <summary>
/// Runs a real <see cref="JsonSchemaCheck"/> on records given as JSON text, with schema files written to
/// a temporary folder that stands for the gate file's folder.
/// </summary>
internal sealed class SchemaCheckHarness : IDisposable
{
    private readonly List<ConfigurationError> _errors = [];
    private readonly FindingCollector _findings = new();

    public SchemaCheckHarness()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("ag-schema-").FullName;
    }

    public string Directory { get; }

    public IReadOnlyList<ConfigurationError> Errors => _errors;

    public IReadOnlyList<Finding> Findings => _findings.Findings;

    /// <summary>Writes a file in the gate folder and returns its relative path.</summary>
    public string Write(string name, string text)
    {
        File.WriteAllText(Path.Combine(Directory, name), text);
        return name;
    }

    public JsonSchemaCheck? Create(JsonSchemaCheckConfig config)
    {
        config.Dataset = "outputs";
        var gate = Gate(config);
        var setup = new CheckSetup(gate, 0, "schema-1", (relative, _) => Path.GetFullPath(Path.Combine(Directory, relative)), _errors);
        return JsonSchemaCheck.Create(config, setup);
    }

    /// <summary>Evaluates each record (one JSON document per entry) and completes the check.</summary>
    public (IReadOnlyList<CheckOutcome> Outcomes, CheckResult Result) Run(JsonSchemaCheck check, params string[] records)
    {
        var context = Context(check);
        var outcomes = new List<CheckOutcome>();
        for (var i = 0; i < records.Length; i++)
        {
            var record = new DataRecord("outputs.jsonl", i + 1, i, JsonElement.Parse(records[i]));
            outcomes.Add(check.Evaluate(record, context));
        }

        return (outcomes, check.Complete(context));
    }

    public CheckContext Context(JsonSchemaCheck check)
    {
        var config = new JsonSchemaCheckConfig { Dataset = "outputs" };
        var session = new GateSession(Gate(config), Directory, _findings, TimeProvider.System, new NoServices());
        return new CheckContext(session, check.Id, null);
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private LoadedGate Gate(CheckConfig check)
    {
        var config = new GateConfig
        {
            Version = 1,
            Datasets = { ["outputs"] = new DatasetConfig { Path = "outputs.jsonl" } },
            Checks = { check },
        };
        return new LoadedGate(Path.Combine(Directory, "test.gate.yml"), "test.gate.yml", config, new Dictionary<string, (int, int)>());
    }

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
