using AnnotationGate.Core.Checks;
using AnnotationGate.Core.Checks.Paraphrase;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;
using AnnotationGate.Core.Engine;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Tests.Checks.Paraphrase;

/// <summary>Runs a paraphrase-consistency check on JSONL lines written to a temporary gate folder.</summary>
internal sealed class ParaphraseHarness : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ag-paraphrase-check-").FullName;

    public List<ConfigurationError> Errors { get; } = [];

    public FindingCollector Findings { get; } = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Validates the configuration only; returns the check or null with <see cref="Errors"/> filled.</summary>
    public ParaphraseConsistencyCheck? Create(ParaphraseCheckConfig config)
    {
        var session = Session(config, []);
        return ParaphraseConsistencyCheck.Create(config, Setup(session));
    }

    public CheckResult Run(ParaphraseCheckConfig config, string[] lines, IServiceProvider? services = null)
    {
        var session = Session(config, lines, services);
        var check = ParaphraseConsistencyCheck.Create(config, Setup(session)) ?? throw new InvalidOperationException(
            "Configuration rejected: " + string.Join(" ", Errors.Select(e => e.Message)));
        return check.RunAsync(new CheckContext(session, check.Id, config.Severity), CancellationToken.None).GetAwaiter().GetResult();
    }

    public IReadOnlyList<Finding> Of(string code) => [.. Findings.Findings.Where(f => f.Code == code)];

    private CheckSetup Setup(GateSession session) =>
        new(session.Gate, 0, "paraphrase", session.ResolvePath, Errors);

    private GateSession Session(ParaphraseCheckConfig config, string[] lines, IServiceProvider? services = null)
    {
        var dataPath = Path.Combine(_folder, "outputs.jsonl");
        File.WriteAllLines(dataPath, lines);
        var dataset = new DatasetConfig { Path = "outputs.jsonl", Id = "id" };
        var gateConfig = new GateConfig { Version = 1, Datasets = { ["outputs"] = dataset }, Checks = { config } };
        var gate = new LoadedGate(Path.Combine(_folder, "test.gate.yml"), "test.gate.yml", gateConfig, new Dictionary<string, (int, int)>());
        var session = new GateSession(gate, _folder, Findings, TimeProvider.System, services ?? new NoServices());
        session.Datasets["outputs"] = new ResolvedDataset("outputs", dataset, dataPath, "outputs.jsonl", DataFormat.Jsonl)
        {
            IdPath = FieldPath.Parse("id"),
        };
        return session;
    }

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
