namespace AnnotationGate.Core.Results;

/// <summary>Summary of one check: how many records it looked at, how many failed, and its metrics.</summary>
public sealed record CheckResult(string Id, string Type)
{
    /// <summary>Status reason of a check that passed on its own but failed the gate by regressing.</summary>
    public const string RegressedReason = "regressed against baseline";

    /// <summary>Status reason of a record check that evaluated no record, so verified nothing.</summary>
    public const string NoRecordsReason = "evaluated no records";

    public string? Dataset { get; init; }

    public CheckStatus Status { get; init; }

    /// <summary>
    /// Reason for a failed status that the check's own records and metrics do not show, such as
    /// <see cref="RegressedReason"/>; null otherwise.
    /// </summary>
    public string? StatusReason { get; init; }

    /// <summary>Records the check evaluated (it ran and returned pass or fail).</summary>
    public long RecordsChecked { get; init; }

    public long RecordsFailed { get; init; }

    /// <summary>Records the check skipped because they did not apply (for example, no paraphrase group).</summary>
    public long RecordsSkipped { get; init; }

    /// <summary>One line that describes what the check did, for report headings.</summary>
    public string? Summary { get; init; }

    public IReadOnlyList<Metric> Metrics { get; init; } = [];

    public IReadOnlyList<ResultTable> Tables { get; init; } = [];

    /// <summary>Per-item outcomes of a golden-set evaluation, ordered by id; empty for other checks.</summary>
    public IReadOnlyList<ItemOutcome> ItemOutcomes { get; init; } = [];
}
