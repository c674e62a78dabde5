namespace AnnotationGate.Core.Statistics.Agreement;

/// <summary>The difference function δ² that Krippendorff's alpha uses between two values.</summary>
public enum KrippendorffMetric
{
    /// <summary>0 when the labels are equal, 1 otherwise. Works for any labels.</summary>
    Nominal,

    /// <summary>
    /// Rank-based: δ²(c, k) = (Σ_{g=c..k} n_g − (n_c + n_k) / 2)², where n_g are the pairable
    /// value totals in category order. Needs an order: numeric labels or an explicit category order.
    /// </summary>
    Ordinal,

    /// <summary>(v_c − v_k)². Needs numeric labels.</summary>
    Interval,

    /// <summary>((v_c − v_k) / (v_c + v_k))², 0 when both are 0. Needs numeric labels.</summary>
    Ratio,
}
