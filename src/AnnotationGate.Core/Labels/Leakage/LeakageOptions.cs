namespace AnnotationGate.Core.Labels.Leakage;

/// <summary>Settings for <see cref="LeakageDetector"/>.</summary>
public sealed class LeakageOptions
{
    /// <summary>
    /// Minimum Jaccard similarity of the character shingle sets for a near duplicate, in (0, 1].
    /// The default is 0.8.
    /// </summary>
    public double Jaccard { get; set; } = 0.8;

    /// <summary>
    /// Shingle length in UTF-16 characters of the normalized text, 1 to 64. The default is 5. A
    /// text shorter than this is one shingle.
    /// </summary>
    public int ShingleSize { get; set; } = 5;

    /// <summary>
    /// Maximum number of pairs kept in each of the exact and near lists, at least 1. The default
    /// is 10,000. The report still counts every pair.
    /// </summary>
    public int MaxPairs { get; set; } = 10_000;

    /// <summary>
    /// Number of threads that scan training rows. The default, 0 or less, means one per
    /// processor.
    /// </summary>
    public int MaxDegreeOfParallelism { get; set; }

    internal void Validate()
    {
        if (double.IsNaN(Jaccard) || Jaccard <= 0 || Jaccard > 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(Jaccard), Jaccard, "The Jaccard threshold must be above 0 and at most 1.");
        }

        if (ShingleSize is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(
                nameof(ShingleSize), ShingleSize, "The shingle size must be between 1 and 64.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxPairs);
    }
}
