using AnnotationGate.Core.Findings;

namespace AnnotationGate.Core.Results;

/// <summary>
/// Everything a gate run produced: findings, per-check summaries, metrics, and the verdict.
/// Reporters render it; nothing in it depends on a host.
/// </summary>
public sealed record GateResult
{
    /// <summary>Version of the JSON report format that serializes this type.</summary>
    public const int FormatVersion = 1;

    public required string GateName { get; init; }

    /// <summary>Path of the gate file as given on the command line.</summary>
    public required string GateFile { get; init; }

    public required Verdict Verdict { get; init; }

    public string ToolVersion { get; init; } = ToolInfo.Version;

    public DateTimeOffset StartedAt { get; init; }

    public TimeSpan Duration { get; init; }

    public bool WarningsAsErrors { get; init; }

    /// <summary>Findings kept in detail, most severe first, then by file and line.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>Findings counted but not kept, per rule code and severity, once a rule exceeds the per-rule cap.</summary>
    public IReadOnlyList<OmittedFindings> Omitted { get; init; } = [];

    public IReadOnlyList<CheckResult> Checks { get; init; } = [];

    /// <summary>Tables that belong to the whole gate rather than one check (cost ledger, scoreboard).</summary>
    public IReadOnlyList<ResultTable> Tables { get; init; } = [];

    /// <summary>Comparison with the baseline, when the run had one; null otherwise.</summary>
    public Regression.RegressionReport? Regression { get; init; }

    /// <summary>Counts findings of one severity, the omitted ones included.</summary>
    public long Count(Severity severity) =>
        Findings.Count(f => f.Severity == severity) + Omitted.Where(o => o.Severity == severity).Sum(o => o.Count);
}
