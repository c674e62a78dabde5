namespace AnnotationGate.Core.Statistics.Agreement;

/// <summary>Reasons shared by the statistics for reporting a value as undefined.</summary>
internal static class AgreementReasons
{
    public const string NoPairableUnit =
        "No item has two or more ratings, so no pair of ratings can be compared.";

    public const string SinglePairableUnit =
        "Only one item has two or more ratings; chance agreement cannot be estimated from one item.";

    public const string SingleCategory =
        "Every rating has the same value, so the agreement expected by chance is 1 and the "
        + "statistic is 0/0; see the observed agreement instead.";
}
