namespace AnnotationGate.Core.Results;

/// <summary>
/// Outcome of one golden item in a golden-set evaluation: the expert label, the prediction and
/// whether they match. Baselines store these so that a later run can be compared item by item.
/// </summary>
/// <param name="Id">Item id shared by the golden set and the predictions.</param>
/// <param name="Expected">Golden (expert) label.</param>
/// <param name="Predicted">Predicted label, or null when the item has no prediction.</param>
/// <param name="Slices">Slice values of the item (field name to value), for per-slice comparison.</param>
public sealed record ItemOutcome(string Id, string Expected, string? Predicted, IReadOnlyDictionary<string, string>? Slices = null)
{
    public bool Correct => Predicted is not null && string.Equals(Expected, Predicted, StringComparison.Ordinal);
}
