using System.Runtime.CompilerServices;
using AnnotationGate.Core.Statistics.Agreement;

namespace AnnotationGate.Core.Labels.Aggregation;

/// <summary>The EM state of <see cref="DawidSkene"/> in flat arrays (items × K, annotators × K × K).</summary>
internal sealed class DawidSkeneModel
{
    private readonly RatingMatrix _ratings;
    private readonly double _smoothing;
    private readonly int _k;
    private readonly double[] _posteriors;
    private readonly double[] _logPriors;
    private readonly double[] _confusion;
    private readonly double[] _logConfusion;
    private double _logLikelihood;

    public DawidSkeneModel(RatingMatrix ratings, double smoothing)
    {
        _ratings = ratings;
        _smoothing = smoothing;
        _k = ratings.Categories.Count;
        _posteriors = new double[ratings.Items.Count * _k];
        _logPriors = new double[_k];
        _confusion = new double[ratings.Annotators.Count * _k * _k];
        _logConfusion = new double[_confusion.Length];
    }

    public void InitializeFromVoteShares()
    {
        for (var item = 0; item < _ratings.Items.Count; item++)
        {
            var categories = _ratings.CategoriesOf(item);
            foreach (var c in categories)
            {
                _posteriors[(item * _k) + c] += 1.0 / categories.Length;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void MaximizationStep()
    {
        EstimatePriors();
        Array.Fill(_confusion, _smoothing);
        for (var item = 0; item < _ratings.Items.Count; item++)
        {
            var annotators = _ratings.AnnotatorsOf(item);
            var labels = _ratings.CategoriesOf(item);
            for (var r = 0; r < annotators.Length; r++)
            {
                var cell = (annotators[r] * _k * _k) + labels[r];
                for (var c = 0; c < _k; c++)
                {
                    _confusion[cell + (c * _k)] += _posteriors[(item * _k) + c];
                }
            }
        }

        NormalizeConfusionRows();
    }

    /// <summary>Recomputes the posteriors and returns the largest change of any probability.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double ExpectationStep()
    {
        var scores = new double[_k];
        var maxChange = 0.0;
        _logLikelihood = 0;
        for (var item = 0; item < _ratings.Items.Count; item++)
        {
            _logPriors.CopyTo(scores, 0);
            var annotators = _ratings.AnnotatorsOf(item);
            var labels = _ratings.CategoriesOf(item);
            for (var r = 0; r < annotators.Length; r++)
            {
                var cell = (annotators[r] * _k * _k) + labels[r];
                for (var c = 0; c < _k; c++)
                {
                    scores[c] += _logConfusion[cell + (c * _k)];
                }
            }

            maxChange = Math.Max(maxChange, StorePosterior(item, scores));
        }

        return maxChange;
    }

    public DawidSkeneResult ToResult(DawidSkeneOptions options, int iterations, bool converged)
    {
        var priors = _logPriors.Select(Math.Exp).ToArray();
        return new DawidSkeneResult(
            _ratings.Categories,
            priors,
            ItemPosteriors(),
            AnnotatorEstimates(options),
            iterations,
            converged,
            _logLikelihood);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EstimatePriors()
    {
        var items = _ratings.Items.Count;
        var denominator = items + (_k * _smoothing);
        for (var c = 0; c < _k; c++)
        {
            var mass = _smoothing;
            for (var item = 0; item < items; item++)
            {
                mass += _posteriors[(item * _k) + c];
            }

            _logPriors[c] = Math.Log(mass / denominator);
        }
    }

    private void NormalizeConfusionRows()
    {
        for (var row = 0; row < _confusion.Length; row += _k)
        {
            var sum = 0.0;
            for (var l = 0; l < _k; l++)
            {
                sum += _confusion[row + l];
            }

            for (var l = 0; l < _k; l++)
            {
                // A row without mass (no smoothing and a class the annotator never saw) carries no
                // information, so it becomes uniform.
                var p = sum > 0 ? _confusion[row + l] / sum : 1.0 / _k;
                _confusion[row + l] = p;
                _logConfusion[row + l] = Math.Log(p);
            }
        }
    }

    private double StorePosterior(int item, double[] scores)
    {
        var max = scores.Max();
        var total = 0.0;
        for (var c = 0; c < _k; c++)
        {
            scores[c] = Math.Exp(scores[c] - max);
            total += scores[c];
        }

        _logLikelihood += max + Math.Log(total);
        var change = 0.0;
        for (var c = 0; c < _k; c++)
        {
            var p = scores[c] / total;
            change = Math.Max(change, Math.Abs(p - _posteriors[(item * _k) + c]));
            _posteriors[(item * _k) + c] = p;
        }

        return change;
    }

    private ItemPosterior[] ItemPosteriors()
    {
        var result = new ItemPosterior[_ratings.Items.Count];
        for (var item = 0; item < result.Length; item++)
        {
            var probabilities = _posteriors.AsSpan(item * _k, _k).ToArray();
            var best = 0;
            for (var c = 1; c < _k; c++)
            {
                best = probabilities[c] > probabilities[best] ? c : best;
            }

            result[item] = new ItemPosterior(_ratings.Items[item], _ratings.Categories[best], probabilities);
        }

        return result;
    }

    private AnnotatorEstimate[] AnnotatorEstimates(DawidSkeneOptions options)
    {
        var count = new int[_ratings.Annotators.Count];
        var correct = new double[count.Length];
        for (var item = 0; item < _ratings.Items.Count; item++)
        {
            var annotators = _ratings.AnnotatorsOf(item);
            var labels = _ratings.CategoriesOf(item);
            for (var r = 0; r < annotators.Length; r++)
            {
                count[annotators[r]]++;
                correct[annotators[r]] += _posteriors[(item * _k) + labels[r]];
            }
        }

        var used = UsedCategories();
        var result = new AnnotatorEstimate[count.Length];
        for (var w = 0; w < result.Length; w++)
        {
            var confusion = ConfusionOf(w);
            var score = SpammerScore.Compute(confusion, used);
            var isSpammer = used.Count >= 2
                && score < options.SpammerThreshold
                && count[w] >= options.MinRatingsForSpammer;
            result[w] = new AnnotatorEstimate(
                _ratings.Annotators[w], count[w], correct[w] / count[w], score, isSpammer, confusion);
        }

        return result;
    }

    // Categories that some rating uses. A listed but unused category has a smoothing-only
    // confusion row, which would make every annotator look informative.
    private List<int> UsedCategories()
    {
        var used = new bool[_k];
        for (var item = 0; item < _ratings.Items.Count; item++)
        {
            foreach (var c in _ratings.CategoriesOf(item))
            {
                used[c] = true;
            }
        }

        return Enumerable.Range(0, _k).Where(c => used[c]).ToList();
    }

    private double[][] ConfusionOf(int annotator)
    {
        var rows = new double[_k][];
        for (var c = 0; c < _k; c++)
        {
            rows[c] = _confusion.AsSpan((annotator * _k * _k) + (c * _k), _k).ToArray();
        }

        return rows;
    }
}
