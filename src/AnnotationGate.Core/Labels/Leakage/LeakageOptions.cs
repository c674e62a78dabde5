namespace AnnotationGate.Core.Labels.Leakage;

/// <summary>Settings for <see cref="LeakageDetector"/>.</summary>
public sealed class LeakageOptions
{
    /// <summary>
    /// Minimum Jaccard similarity of the character shingle sets for a near duplicate, in (0, 1];
    /// defaults to 0.8.
    /// </summary>
    public double Jaccard { get; init; } = 0.8;

    /// <summary>
    /// Shingle length in UTF-16 characters of the normalized text, 1 to 64; defaults to 5. A text
    /// shorter than this is one shingle.
    /// </summary>
    public int ShingleSize { get; init; } = 5;

    /// <summary>
    /// Maximum number of pairs kept in each of the exact and near lists, at least 1; defaults to
    /// 10,000. The report still counts every pair.
    /// </summary>
    public int MaxPairs { get; init; } = 10_000;

    /// <summary>
    /// Number of threads that scan training rows; 0 or less means one per processor, which is the
    /// default.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; }

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
