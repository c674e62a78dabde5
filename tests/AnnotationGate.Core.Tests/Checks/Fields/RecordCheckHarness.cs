using System.Text.Json;
using AnnotationGate.Core.Checks;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;
using AnnotationGate.Core.Engine;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Tests.Checks.Fields;

/// <summary>
/// Runs one record check the way the gate runner does: creates it through <see cref="CheckFactory"/>,
/// feeds it records parsed from JSON, completes it, and keeps the configuration errors and findings.
/// </summary>
internal sealed class RecordCheckHarness
{
    private const string CheckId = "check-1";

    private readonly LoadedGate _gate = new(
        "/repo/eval-configs/test.gate.yml",
        "eval-configs/test.gate.yml",
        new GateConfig { Version = 1 },
        new Dictionary<string, (int Line, int Column)>());

    private readonly FindingCollector _findings = new();
    private readonly List<JsonDocument> _documents = [];

    public List<ConfigurationError> Errors { get; } = [];

    public IReadOnlyList<Finding> Findings => _findings.Findings;

    /// <summary>Creates the check; null when its configuration is invalid (see <see cref="Errors"/>).</summary>
    public IRecordCheck? Create(CheckConfig config)
    {
        var setup = new CheckSetup(_gate, 0, CheckId, (path, _) => path, Errors);
        return (IRecordCheck?)CheckFactory.Create(config, setup);
    }

    /// <summary>Evaluates each JSON record in order (line numbers from 1) and returns the outcomes.</summary>
    public List<CheckOutcome> Evaluate(IRecordCheck check, params string[] records)
    {
        var context = Context();
        var outcomes = new List<CheckOutcome>();
        for (var i = 0; i < records.Length; i++)
        {
            var document = JsonDocument.Parse(records[i]);
            _documents.Add(document);
            outcomes.Add(check.Evaluate(new DataRecord("outputs.jsonl", i + 1, i, document.RootElement), context));
        }

        return outcomes;
    }

    public CheckResult Complete(IRecordCheck check) => check.Complete(Context());

    /// <summary>Returns a JSON record with one string field <c>output</c>.</summary>
    public static string Output(string text) => JsonSerializer.Serialize(new { output = text });

    public CheckContext Context() =>
        new(new GateSession(_gate, "/repo", _findings, TimeProvider.System, new NoServices()), CheckId, null);

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
