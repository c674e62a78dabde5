namespace AnnotationGate.Core.Results;

/// <summary>
/// A table for reports (confusion matrix, scoreboard, cost ledger). Cells are already formatted with
/// the invariant culture so that every reporter prints the same text.
/// </summary>
public sealed record ResultTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>A sentence printed under the table, such as the tie rule or the interval method.</summary>
    public string? Note { get; init; }
}
