using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Engine;

/// <summary>
/// Collects findings for a run: applies the gate file's severities, drops rules turned off, and keeps
/// at most a fixed number per rule in detail (the rest are counted) so memory stays flat on large inputs.
/// The findings kept are those earliest in file and line order, whatever order they arrive in, so a
/// run that checks records in parallel keeps the same ones. Thread-safe.
/// </summary>
public sealed class FindingCollector
{
    private readonly IReadOnlyDictionary<string, Severity> _ruleSeverities;
    private readonly int _maxPerRule;
    private readonly Dictionary<string, PriorityQueue<Finding, Finding>> _keptPerRule = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Code, Severity Severity), long> _omitted = [];
    private readonly Lock _lock = new();

    /// <summary>
    /// Gives a location to a finding that has none, such as a threshold miss: the check's entry in
    /// the gate file. When null, such findings keep no location.
    /// </summary>
    public Func<Finding, Finding>? LocateUnplaced { get; init; }

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

        var adjusted = severity == finding.Severity ? finding : finding with { Severity = severity };
        if (adjusted.File is null && LocateUnplaced is { } locate)
        {
            adjusted = locate(adjusted);
        }

        lock (_lock)
        {
            if (!_keptPerRule.TryGetValue(finding.Code, out var kept))
            {
                kept = new PriorityQueue<Finding, Finding>(LatestFirst.Instance);
                _keptPerRule[finding.Code] = kept;
            }

            kept.Enqueue(adjusted, adjusted);
            if (kept.Count > _maxPerRule)
            {
                var dropped = kept.Dequeue();
                _omitted[(dropped.Code, dropped.Severity)] = _omitted.GetValueOrDefault((dropped.Code, dropped.Severity)) + 1;
            }
        }
    }

    /// <summary>Findings kept, most severe first, then by file, line and code.</summary>
    public IReadOnlyList<Finding> Findings
    {
        get
        {
            lock (_lock)
            {
                return [.. _keptPerRule.Values.SelectMany(q => q.UnorderedItems.Select(item => item.Element))
                    .OrderByDescending(f => f.Severity)
                    .ThenBy(f => f.File, StringComparer.Ordinal)
                    .ThenBy(f => f.Line ?? 0)
                    .ThenBy(f => f.Code, StringComparer.Ordinal)
                    .ThenBy(f => f.Message, StringComparer.Ordinal)];
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
            return _keptPerRule.Values.Any(q => q.UnorderedItems.Any(item => item.Element.Severity >= severity))
                || _omitted.Keys.Any(k => k.Severity >= severity);
        }
    }

    /// <summary>
    /// Returns the severity <see cref="Add"/> gives a finding, or <see cref="Severity.Off"/> when it drops it.
    /// </summary>
    internal Severity EffectiveSeverity(Finding finding, Severity? checkSeverity)
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

    /// <summary>Orders findings so that the one latest in the file comes out of the queue first.</summary>
    private sealed class LatestFirst : IComparer<Finding>
    {
        public static readonly LatestFirst Instance = new();

        public int Compare(Finding? x, Finding? y)
        {
            var byFile = string.CompareOrdinal(y?.File, x?.File);
            if (byFile != 0)
            {
                return byFile;
            }

            var byLine = (y?.Line ?? 0).CompareTo(x?.Line ?? 0);
            if (byLine != 0)
            {
                return byLine;
            }

            var byColumn = (y?.Column ?? 0).CompareTo(x?.Column ?? 0);
            return byColumn != 0 ? byColumn : string.CompareOrdinal(y?.Message, x?.Message);
        }
    }
}
