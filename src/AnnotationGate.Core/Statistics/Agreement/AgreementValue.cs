namespace AnnotationGate.Core.Statistics.Agreement;

/// <summary>
/// A chance-corrected agreement statistic (kappa, alpha) that may be undefined on the data, such as
/// when every rating is the same. An undefined value is never reported as 0, 1 or NaN.
/// </summary>
/// <param name="Value">The statistic, or null when undefined.</param>
/// <param name="ObservedAgreement">Raw share of agreeing pairs, 0 to 1, always defined when there is a pair.</param>
/// <param name="Units">Number of items (units) that entered the computation.</param>
/// <param name="UndefinedReason">Why the value is undefined; null when defined.</param>
public sealed record AgreementValue(double? Value, double ObservedAgreement, long Units, string? UndefinedReason = null)
{
    public bool IsDefined => Value is not null;

    /// <summary>
    /// Share of agreeing pairs expected by chance (from the pooled category shares for Fleiss and
    /// Krippendorff, 1/k for free-marginal kappa). Null for percent agreement, which has no chance
    /// term, and when no chance term could be computed.
    /// </summary>
    public double? ExpectedAgreement { get; init; }

    public static AgreementValue Undefined(double observedAgreement, long units, string reason) =>
        new(null, observedAgreement, units, reason);
}
