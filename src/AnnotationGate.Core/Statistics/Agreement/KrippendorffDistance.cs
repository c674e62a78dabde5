namespace AnnotationGate.Core.Statistics.Agreement;

/// <summary>Builds the δ² matrix of a <see cref="KrippendorffMetric"/> over a matrix's categories.</summary>
internal sealed class KrippendorffDistance
{
    private readonly KrippendorffMetric _metric;
    private readonly IReadOnlyList<double>? _values;

    private KrippendorffDistance(KrippendorffMetric metric, IReadOnlyList<double>? values)
    {
        _metric = metric;
        _values = values;
    }

    /// <summary>Validates that the labels suit the metric before any work is done.</summary>
    public static KrippendorffDistance For(RatingMatrix ratings, KrippendorffMetric metric)
    {
        var needsNumbers = metric is KrippendorffMetric.Interval or KrippendorffMetric.Ratio;
        if (needsNumbers && ratings.NumericValues is null)
        {
            var label = ratings.Categories.FirstOrDefault(c => !RatingMatrixBuilder.TryParseNumber(c, out _));
            throw new ArgumentException(
                $"Label \"{label}\" is not a number, but the {metric.ToString().ToLowerInvariant()} "
                + "metric needs numeric labels. Use the nominal or ordinal metric for text labels.",
                nameof(ratings));
        }

        if (metric == KrippendorffMetric.Ratio && ratings.NumericValues!.Any(v => v < 0))
        {
            var negative = ratings.NumericValues!.First(v => v < 0);
            throw new ArgumentException(
                $"Label \"{RatingMatrix.Format(negative)}\" is negative, but the ratio metric needs "
                + "values of 0 or more. Use the interval metric for signed values.",
                nameof(ratings));
        }

        // NOTE: ordinal on text labels relies on the category order (ordinal text order unless the
        // matrix was built with an explicit order), so pass the scale order for text scales.
        return new KrippendorffDistance(metric, ratings.NumericValues);
    }

    public double[,] Matrix(double[] totals)
    {
        var k = totals.Length;
        var delta = new double[k, k];
        var cumulative = Cumulative(totals);
        for (var a = 0; a < k; a++)
        {
            for (var b = 0; b < k; b++)
            {
                delta[a, b] = Distance(a, b, totals, cumulative);
            }
        }

        return delta;
    }

    private static double[] Cumulative(double[] totals)
    {
        var cumulative = new double[totals.Length + 1];
        for (var c = 0; c < totals.Length; c++)
        {
            cumulative[c + 1] = cumulative[c] + totals[c];
        }

        return cumulative;
    }

    private double Distance(int a, int b, double[] totals, double[] cumulative)
    {
        if (a == b)
        {
            return 0;
        }

        switch (_metric)
        {
            case KrippendorffMetric.Nominal:
                return 1;
            case KrippendorffMetric.Ordinal:
                var (low, high) = a < b ? (a, b) : (b, a);
                var span = cumulative[high + 1] - cumulative[low] - ((totals[low] + totals[high]) / 2);
                return span * span;
            case KrippendorffMetric.Interval:
                var difference = _values![a] - _values[b];
                return difference * difference;
            default:
                var sum = _values![a] + _values[b];
                var ratio = sum == 0 ? 0 : (_values[a] - _values[b]) / sum;
                return ratio * ratio;
        }
    }
}
