using System.Globalization;

namespace AnnotationGate.Core.Labels.Calibration;

/// <summary>
/// Measures how well model confidences match how often the labels are right: the expected
/// calibration error over equal-width bins and the share of confident labels that humans dispute.
/// </summary>
public static class ConfidenceCalibration
{
    /// <summary>
    /// Computes the expected calibration error (ECE): items are split into <paramref name="bins"/>
    /// equal-width confidence bins (lower, upper], with a confidence of exactly 0 in the first
    /// bin, and ECE = Σ (count / total) · |accuracy − mean confidence| over the bins.
    /// </summary>
    /// <param name="items">Confidences in [0, 1] and whether the label was correct.</param>
    /// <param name="bins">Number of bins; defaults to 10.</param>
    /// <returns>The report; its ECE is null when there are no items.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="bins"/> is not positive, or a confidence is NaN or outside [0, 1].
    /// </exception>
    public static CalibrationReport Evaluate(
        IEnumerable<(double Confidence, bool Correct)> items, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bins);
        var counts = new int[bins];
        var confidenceSums = new double[bins];
        var correctCounts = new int[bins];
        foreach (var (confidence, correct) in items)
        {
            var bin = BinOf(CheckConfidence(confidence), bins);
            counts[bin]++;
            confidenceSums[bin] += confidence;
            correctCounts[bin] += correct ? 1 : 0;
        }

        return CalibrationReport.FromBins(counts, confidenceSums, correctCounts);
    }

    /// <summary>
    /// Counts the disputed items (human reviewers or crowd votes disagree with the model label)
    /// and how many of them the model labelled with confidence at or above
    /// <paramref name="threshold"/> (default 0.95). Share is overconfident / disputed, and 0 when
    /// nothing is disputed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="threshold"/> or a confidence is NaN or outside [0, 1].
    /// </exception>
    public static (int Overconfident, int Disagreements, double Share) OverconfidentShare(
        IEnumerable<(double Confidence, bool HumanDisagrees)> items, double threshold = 0.95)
    {
        ArgumentNullException.ThrowIfNull(items);
        CheckConfidence(threshold, nameof(threshold));
        var overconfident = 0;
        var disagreements = 0;
        foreach (var (confidence, humanDisagrees) in items)
        {
            CheckConfidence(confidence);
            if (humanDisagrees)
            {
                disagreements++;
                overconfident += confidence >= threshold ? 1 : 0;
            }
        }

        var share = disagreements == 0 ? 0 : overconfident / (double)disagreements;
        return (overconfident, disagreements, share);
    }

    internal static int BinOf(double confidence, int bins)
    {
        // Right-closed bins: (i/B, (i+1)/B] has index i, and 0 joins the first bin.
        var index = (int)Math.Ceiling(confidence * bins) - 1;
        return Math.Clamp(index, 0, bins - 1);
    }

    private static double CheckConfidence(double confidence, string name = "items")
    {
        if (double.IsNaN(confidence) || confidence < 0 || confidence > 1)
        {
            var text = confidence.ToString("R", CultureInfo.InvariantCulture);
            throw new ArgumentOutOfRangeException(
                name,
                confidence,
                $"Confidence '{text}' is outside [0, 1]. Scale percentages to [0, 1] first.");
        }

        return confidence;
    }
}
