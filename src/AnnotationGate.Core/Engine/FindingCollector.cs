using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Engine;

/// <summary>
/// Collects findings for a run: applies the gate file's severities, drops rules turned off, and keeps
/// at most a fixed number per rule in detail (the rest are counted) so memory stays flat on large inputs.
/// Thread-safe.
/// </summary>
public sealed class FindingCollector
{
    private readonly IReadOnlyDictionary<string, Severity> _ruleSeverities;
    private readonly int _maxPerRule;
    private readonly List<Finding> _kept = [];
    private readonly Dictionary<string, int> _keptPerRule = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Code, Severity Severity), long> _omitted = [];
    private readonly Lock _lock = new();

    public FindingCollector(IReadOnlyDictionary<string, Severity>? ruleSeverities = null, int maxPerRule = 1000)
    {
        _ruleSeverities = ruleSeverities ?? new Dictionary<string, Severity>();
        _maxPerRule = maxPerRule;
    }

    /// <summary>
    /// Adds a finding. <paramref name="checkSeverity"/>, the check's own <c>severity</c> key, wins over the
    /// gate's <c>rules</c> map, which wins over the finding's severity; rules that are not configurable
    /// keep theirs.
    /// </summary>
    public void Add(Finding finding, Severity? checkSeverity = null)
    {
        var severity = EffectiveSeverity(finding, checkSeverity);
        if (severity == Severity.Off)
        {
            return;
        }

        lock (_lock)
        {
            var kept = _keptPerRule.GetValueOrDefault(finding.Code);
            if (kept >= _maxPerRule)
            {
                _omitted[(finding.Code, severity)] = _omitted.GetValueOrDefault((finding.Code, severity)) + 1;
                return;
            }

            _keptPerRule[finding.Code] = kept + 1;
            _kept.Add(severity == finding.Severity ? finding : finding with { Severity = severity });
        }
    }

    /// <summary>Findings kept, most severe first, then by file, line and code.</summary>
    public IReadOnlyList<Finding> Findings
    {
        get
        {
            lock (_lock)
            {
                return [.. _kept
                    .OrderByDescending(f => f.Severity)
                    .ThenBy(f => f.File, StringComparer.Ordinal)
                    .ThenBy(f => f.Line ?? 0)
                    .ThenBy(f => f.Code, StringComparer.Ordinal)];
            }
        }
    }

    public IReadOnlyList<OmittedFindings> Omitted
    {
        get
        {
            lock (_lock)
            {
                return [.. _omitted.Select(kv => new OmittedFindings(kv.Key.Code, kv.Key.Severity, kv.Value))
                    .OrderBy(o => o.Code, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>True when a kept or omitted finding has the given severity or a higher one.</summary>
    public bool HasAtLeast(Severity severity)
    {
        lock (_lock)
        {
            return _kept.Any(f => f.Severity >= severity) || _omitted.Keys.Any(k => k.Severity >= severity);
        }
    }

    private Severity EffectiveSeverity(Finding finding, Severity? checkSeverity)
    {
        var rule = RuleCatalog.Find(finding.Code);
        if (rule is { Configurable: false })
        {
            return finding.Severity;
        }

        if (checkSeverity is { } fromCheck)
        {
            return fromCheck;
        }

        return _ruleSeverities.TryGetValue(finding.Code, out var fromRules) ? fromRules : finding.Severity;
    }
}
