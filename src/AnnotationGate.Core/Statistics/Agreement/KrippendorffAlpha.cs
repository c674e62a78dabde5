namespace AnnotationGate.Core.Statistics.Agreement;

/// <summary>
/// Krippendorff's alpha, α = 1 − D_o / D_e, in the coincidence-matrix formulation: each item
/// with m ≥ 2 ratings adds every ordered pair of its ratings to the coincidence matrix with
/// weight 1 / (m − 1). Items with fewer than two ratings are ignored, so missing data needs no
/// imputation. D_o is the mean difference δ² over coinciding pairs and D_e the mean over all
/// pairs of pairable values.
/// </summary>
/// <remarks>
/// Alpha is undefined when no item or only one item has two ratings, or when every pairable value
/// is the same (D_e = 0). <see cref="AgreementValue.ObservedAgreement"/> is the share of
/// coinciding pairs with equal labels (1 − D_o under the nominal metric) and
/// <see cref="AgreementValue.ExpectedAgreement"/> the share expected by chance, whatever the metric.
/// </remarks>
public static class KrippendorffAlpha
{
    /// <summary>
    /// Computes alpha with the given metric (default nominal). Ordinal needs numeric labels or an
    /// explicit category order. Interval and ratio need numeric labels, and ratio needs values of 0
    /// or more; otherwise this raises <see cref="ArgumentException"/>.
    /// </summary>
    public static AgreementValue Compute(
        RatingMatrix ratings,
        KrippendorffMetric metric = KrippendorffMetric.Nominal)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var distance = KrippendorffDistance.For(ratings, metric);
        var coincidence = Coincidence.Build(ratings);
        if (coincidence.Units == 0)
        {
            return AgreementValue.Undefined(0, 0, AgreementReasons.NoPairableUnit);
        }

        var observed = coincidence.AgreementShare();
        var expected = coincidence.ExpectedAgreementShare();
        var reason = coincidence.Units == 1 ? AgreementReasons.SinglePairableUnit
            : coincidence.CategoriesUsed <= 1 ? AgreementReasons.SingleCategory
            : null;
        if (reason is not null)
        {
            return AgreementValue.Undefined(observed, coincidence.Units, reason) with { ExpectedAgreement = expected };
        }

        var delta = distance.Matrix(coincidence.Totals);
        var alpha = 1 - (coincidence.ObservedDisagreement(delta) / coincidence.ExpectedDisagreement(delta));
        return new AgreementValue(alpha, observed, coincidence.Units) { ExpectedAgreement = expected };
    }

    /// <summary>The coincidence matrix o_ck and its marginal totals n_c over pairable items.</summary>
    private sealed class Coincidence
    {
        private readonly double[,] _matrix;

        private Coincidence(int categories)
        {
            _matrix = new double[categories, categories];
            Totals = new double[categories];
        }

        public double[] Totals { get; }

        public long Units { get; private set; }

        public double PairableValues { get; private set; }

        public int CategoriesUsed => Totals.Count(total => total > 0);

        public static Coincidence Build(RatingMatrix ratings)
        {
            var result = new Coincidence(ratings.Categories.Count);
            var tally = new CategoryTally(ratings.Categories.Count);
            for (var item = 0; item < ratings.Items.Count; item++)
            {
                var m = ratings.CountOf(item);
                if (m >= 2)
                {
                    tally.Load(ratings.CategoriesOf(item));
                    result.AddItem(tally, m);
                }
            }

            return result;
        }

        public double AgreementShare()
        {
            var diagonal = 0.0;
            for (var c = 0; c < Totals.Length; c++)
            {
                diagonal += _matrix[c, c];
            }

            return diagonal / PairableValues;
        }

        public double ExpectedAgreementShare()
        {
            var n = PairableValues;
            return Totals.Sum(total => total * (total - 1)) / (n * (n - 1));
        }

        public double ObservedDisagreement(double[,] delta)
        {
            var sum = 0.0;
            for (var c = 0; c < Totals.Length; c++)
            {
                for (var k = 0; k < Totals.Length; k++)
                {
                    sum += _matrix[c, k] * delta[c, k];
                }
            }

            return sum / PairableValues;
        }

        public double ExpectedDisagreement(double[,] delta)
        {
            var sum = 0.0;
            for (var c = 0; c < Totals.Length; c++)
            {
                for (var k = 0; k < Totals.Length; k++)
                {
                    sum += Totals[c] * Totals[k] * delta[c, k];
                }
            }

            return sum / (PairableValues * (PairableValues - 1));
        }

        private void AddItem(CategoryTally tally, int m)
        {
            var weight = 1.0 / (m - 1);
            foreach (var c in tally.Present)
            {
                foreach (var k in tally.Present)
                {
                    var pairs = (double)tally[c] * (tally[k] - (c == k ? 1 : 0));
                    _matrix[c, k] += pairs * weight;
                }

                Totals[c] += tally[c];
            }

            PairableValues += m;
            Units++;
        }
    }
}
