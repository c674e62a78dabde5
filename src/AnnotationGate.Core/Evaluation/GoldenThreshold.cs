using AnnotationGate.Core.Labels;

namespace AnnotationGate.Core.Evaluation;

/// <summary>
/// A minimum from a golden check's <c>thresholds:</c> map. Keys are <c>accuracy</c>,
/// <c>macro-f1</c>, <c>micro-f1</c>, <c>weighted-f1</c>, or a per-class key
/// <c>precision:CLASS</c>, <c>recall:CLASS</c>, <c>f1:CLASS</c>.
/// </summary>
/// <param name="Key">Key as written in the gate file; also the name of the metric it applies to.</param>
/// <param name="Metric">Metric part of the key, such as <c>accuracy</c> or <c>f1</c>.</param>
/// <param name="Class">Class label of a per-class key, canonical; null for overall metrics.</param>
/// <param name="Minimum">Lowest value that passes, 0 to 1.</param>
public sealed record GoldenThreshold(string Key, string Metric, string? Class, double Minimum)
{
    /// <summary>Keys of overall metrics.</summary>
    public static readonly IReadOnlyList<string> OverallKeys = ["accuracy", "macro-f1", "micro-f1", "weighted-f1"];

    /// <summary>Prefixes of per-class keys, each followed by ':' and the class label.</summary>
    public static readonly IReadOnlyList<string> ClassMetrics = ["precision", "recall", "f1"];

    /// <summary>Text listing the valid keys, for error messages.</summary>
    public static string ValidKeys => string.Join(", ", OverallKeys) + ", precision:CLASS, recall:CLASS, f1:CLASS";

    /// <summary>Parses a threshold key; returns null when the key is not valid.</summary>
    public static GoldenThreshold? Parse(string key, double minimum)
    {
        if (OverallKeys.Contains(key, StringComparer.Ordinal))
        {
            return new GoldenThreshold(key, key, null, minimum);
        }

        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !ClassMetrics.Contains(key[..colon], StringComparer.Ordinal))
        {
            return null;
        }

        var label = LabelValue.Normalize(key[(colon + 1)..]);
        return label is null ? null : new GoldenThreshold(key, key[..colon], label, minimum);
    }
}
