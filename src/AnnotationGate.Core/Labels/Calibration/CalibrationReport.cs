namespace AnnotationGate.Core.Labels.Calibration;

/// <summary>
/// Calibration of confidences against correctness: the expected and maximum calibration error
/// and one row per confidence bin, empty bins included.
/// </summary>
/// <param name="ExpectedCalibrationError">
/// Σ (bin count / total) · |bin accuracy − bin mean confidence|, or null when there are no items.
/// </param>
/// <param name="MaximumCalibrationError">The largest bin gap, or null when there are no items.</param>
/// <param name="Count">Number of items.</param>
/// <param name="MeanConfidence">Mean confidence over all items, or null when there are none.</param>
/// <param name="Accuracy">Share of correct items, or null when there are none.</param>
/// <param name="Bins">The bins in ascending order of confidence.</param>
public sealed record CalibrationReport(
    double? ExpectedCalibrationError,
    double? MaximumCalibrationError,
    int Count,
    double? MeanConfidence,
    double? Accuracy,
    IReadOnlyList<CalibrationBin> Bins)
{
    internal static CalibrationReport FromBins(
        int[] counts, double[] confidenceSums, int[] correctCounts)
    {
        var total = counts.Sum();
        var bins = new CalibrationBin[counts.Length];
        double ece = 0;
        double mce = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            bins[i] = CalibrationBin.Create(i, counts.Length, counts[i], confidenceSums[i], correctCounts[i]);
            if (bins[i].Gap is { } gap)
            {
                ece += counts[i] / (double)total * gap;
                mce = Math.Max(mce, gap);
            }
        }

        if (total == 0)
        {
            return new CalibrationReport(null, null, 0, null, null, bins);
        }

        return new CalibrationReport(
            ece, mce, total, confidenceSums.Sum() / total, correctCounts.Sum() / (double)total, bins);
    }
}

/// <summary>
/// One confidence bin (<see cref="Lower"/>, <see cref="Upper"/>]; the first bin also contains 0.
/// Mean confidence, accuracy and gap are null for an empty bin.
/// </summary>
/// <param name="Lower">Lower bound (exclusive, except 0 in the first bin).</param>
/// <param name="Upper">Upper bound (inclusive).</param>
/// <param name="Count">Number of items in the bin.</param>
/// <param name="MeanConfidence">Mean confidence of the items in the bin.</param>
/// <param name="Accuracy">Share of correct items in the bin.</param>
public sealed record CalibrationBin(
    double Lower, double Upper, int Count, double? MeanConfidence, double? Accuracy)
{
    /// <summary>|accuracy − mean confidence|, or null for an empty bin.</summary>
    public double? Gap => Accuracy - MeanConfidence is { } difference ? Math.Abs(difference) : null;

    internal static CalibrationBin Create(int index, int binCount, int count, double confidenceSum, int correct)
    {
        var lower = index / (double)binCount;
        var upper = (index + 1) / (double)binCount;
        return count == 0
            ? new CalibrationBin(lower, upper, 0, null, null)
            : new CalibrationBin(lower, upper, count, confidenceSum / count, correct / (double)count);
    }
}
