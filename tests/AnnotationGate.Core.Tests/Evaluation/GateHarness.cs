using System.Text.Json;
using AnnotationGate.Core.Checks;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;
using AnnotationGate.Core.Engine;
using AnnotationGate.Core.Findings;

namespace AnnotationGate.Core.Tests.Evaluation;

/// <summary>
/// Builds a real gate session from a config object (no gate file), creates checks through
/// <see cref="CheckFactory"/> and collects their findings.
/// </summary>
internal sealed class GateHarness
{
    private readonly GateSession _session;

    public GateHarness(GateConfig config, string? dataFolder = null)
    {
        var folder = dataFolder ?? Path.GetTempPath();
        var positions = new Dictionary<string, (int, int)>();
        var gate = new LoadedGate(Path.Combine(folder, "test.gate.yml"), "test.gate.yml", config, positions);
        Findings = new FindingCollector(config.Rules, config.MaxFindingsPerRule);
        _session = new GateSession(gate, folder, Findings, TimeProvider.System, new NoServices());
        ResolveDatasets(folder);
    }

    public FindingCollector Findings { get; }

    public List<ConfigurationError> Errors { get; } = [];

    /// <summary>Creates the check at <paramref name="index"/> of <c>checks:</c>; null when setup failed.</summary>
    public object? Create(int index = 0)
    {
        var config = _session.Config.Checks[index];
        var id = GateRunner.CheckIdOf(config, index);
        var setup = new CheckSetup(_session.Gate, index, id, _session.ResolvePath, Errors);
        return CheckFactory.Create(config, setup);
    }

    public CheckContext Context(string checkId) => new(_session, checkId, null);

    public IReadOnlyList<Finding> FindingsWith(string code) => [.. Findings.Findings.Where(f => f.Code == code)];

    private void ResolveDatasets(string folder)
    {
        foreach (var (name, dataset) in _session.Config.Datasets)
        {
            var full = Path.Combine(folder, dataset.Path);
            var format = dataset.Format ?? RecordReaders.InferFormat(dataset.Path) ?? DataFormat.Jsonl;
            _session.Datasets[name] = new ResolvedDataset(name, dataset, full, dataset.Path, format)
            {
                IdPath = dataset.Id is null ? null : FieldPath.Parse(dataset.Id),
            };
        }
    }

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}

/// <summary>In-memory records, shaped as the readers produce them.</summary>
internal static class Records
{
    /// <summary>
    /// Parses JSON objects into records of <paramref name="file"/>, with ids from <paramref name="idField"/>.
    /// </summary>
    public static List<DataRecord> Json(string file, string? idField, params string[] lines)
    {
        var idPath = idField is null ? null : FieldPath.Parse(idField);
        var records = new List<DataRecord>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var root = JsonDocument.Parse(lines[i]).RootElement;
            records.Add(new DataRecord(file, i + 1, i, root) { Id = idPath?.ResolveText(root) });
        }

        return records;
    }

    /// <summary>Reads a tab-separated file with a header row as records of string columns.</summary>
    public static List<DataRecord> Tsv(string path, string? idColumn)
    {
        var lines = File.ReadLines(path).ToList();
        var header = lines[0].Split('\t');
        var records = new List<DataRecord>(lines.Count - 1);
        for (var i = 1; i < lines.Count; i++)
        {
            var cells = lines[i].Split('\t');
            var row = header.Select((column, c) => (column, c)).ToDictionary(x => x.column, x => cells[x.c]);
            records.Add(new DataRecord(path, i + 1, i - 1, JsonSerializer.SerializeToElement(row))
            {
                Id = idColumn is null ? null : row[idColumn],
            });
        }

        return records;
    }
}
