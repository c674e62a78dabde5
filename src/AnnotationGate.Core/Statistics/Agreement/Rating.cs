namespace AnnotationGate.Core.Statistics.Agreement;

/// <summary>One label that one annotator gave to one item (long form).</summary>
/// <param name="Item">Item (unit) id.</param>
/// <param name="Annotator">Annotator (coder, worker) id.</param>
/// <param name="Label">The label as text. Labels compare by ordinal text, numbers by numeric value.</param>
public readonly record struct Rating(string Item, string Annotator, string Label);
