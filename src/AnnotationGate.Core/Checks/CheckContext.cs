using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;
using AnnotationGate.Core.Engine;
using AnnotationGate.Core.Findings;

namespace AnnotationGate.Core.Checks;

/// <summary>
/// The part of the run a check can use: the gate configuration, the datasets, a way to report findings
/// (filled in with the check id and severity), and seeded randomness.
/// </summary>
public sealed class CheckContext
{
    private readonly GateSession _session;

    internal CheckContext(GateSession session, string checkId, Severity? severity)
    {
        _session = session;
        CheckId = checkId;
        Severity = severity;
    }

    public string CheckId { get; }

    /// <summary>The check's own severity override, if its configuration sets one.</summary>
    public Severity? Severity { get; }

    public GateConfig Config => _session.Config;

    /// <summary>Folder of the gate file; relative paths in the gate file resolve against it.</summary>
    public string GateDirectory => _session.GateDirectory;

    public IReadOnlyDictionary<string, ResolvedDataset> Datasets => _session.Datasets;

    public TimeProvider Time => _session.Time;

    /// <summary>Services the host registered, such as the embedding engine; may be empty.</summary>
    public IServiceProvider Services => _session.Services;

    /// <summary>Returns the severity a finding gets after the gate's rules map and this check's override.</summary>
    public Severity EffectiveSeverity(Finding finding) =>
        _session.Findings.EffectiveSeverity(finding with { Check = finding.Check ?? CheckId }, Severity);

    /// <summary>Reports a finding with this check's id and severity override.</summary>
    public void Report(Finding finding) => _session.Findings.Add(finding with { Check = finding.Check ?? CheckId }, Severity);

    /// <summary>Reports a finding about one record, filling in its file, line, id and dataset.</summary>
    public void Report(string code, string message, DataRecord record, string dataset, string? jsonPointer = null)
    {
        var rule = RuleCatalog.Get(code);
        Report(new Finding(code, rule.DefaultSeverity, message)
        {
            File = record.File,
            Line = record.Line,
            RecordId = record.Id,
            Dataset = dataset,
            JsonPointer = jsonPointer,
        });
    }

    /// <summary>Reports a finding that is not about one record.</summary>
    public void Report(string code, string message, string? file = null, string? dataset = null)
    {
        var rule = RuleCatalog.Get(code);
        Report(new Finding(code, rule.DefaultSeverity, message) { File = file, Dataset = dataset });
    }

    /// <summary>Streams a dataset's records; read errors are reported once per dataset per run.</summary>
    public IEnumerable<DataRecord> ReadDataset(string name, CancellationToken cancellationToken) =>
        _session.ReadDataset(name, cancellationToken);

    /// <summary>Returns a random source seeded by the gate's seed and this check's id, so reruns agree.</summary>
    public Random CreateRandom() => new(Config.Seed ^ StableHash(CheckId));

    /// <summary>Resolves a path from the gate file; throws <see cref="GateConfigurationException"/> when it leaves the repository.</summary>
    public string ResolvePath(string relativePath, string key) => _session.ResolvePath(relativePath, key);

    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }
    }
}
