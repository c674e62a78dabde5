using AnnotationGate.Core.Labels;

namespace AnnotationGate.Core.Evaluation;

/// <summary>Scores of one class against the golden labels.</summary>
/// <param name="Label">Class label.</param>
/// <param name="Support">Golden items with this label.</param>
/// <param name="Predicted">Items predicted as this label.</param>
/// <param name="TruePositives">Golden items with this label that were predicted as it.</param>
public sealed record ClassScore(string Label, long Support, long Predicted, long TruePositives)
{
    public long FalsePositives => Predicted - TruePositives;

    /// <summary>Golden items of this class predicted otherwise or not predicted at all.</summary>
    public long FalseNegatives => Support - TruePositives;

    /// <summary>Share of predictions of this class that are right; null when the class was never predicted.</summary>
    public double? Precision => Predicted == 0 ? null : TruePositives / (double)Predicted;

    /// <summary>Share of golden items of this class predicted as it; null when the class has no golden item.</summary>
    public double? Recall => Support == 0 ? null : TruePositives / (double)Support;

    /// <summary>2TP / (2TP + FP + FN); 0 when the class was predicted or expected but never matched.</summary>
    public double F1 => 2.0 * TruePositives / ((2.0 * TruePositives) + FalsePositives + FalseNegatives);
}

/// <summary>
/// Single-label classification scores of predictions against golden labels. An item without a
/// prediction counts as wrong: it lowers accuracy and the recall of its golden class, but no
/// class's precision. Classes are every label seen in the golden set or the predictions, ordered
/// numerically when all are numbers, else ordinally. Averages follow scikit-learn with
/// zero_division=0: an undefined precision or recall counts as 0 in macro averages.
/// </summary>
public sealed class ClassificationReport
{
    private readonly Dictionary<(string Expected, string Predicted), long> _cells;
    private readonly Dictionary<string, long> _missing;

    private ClassificationReport(
        IReadOnlyList<string> classes,
        Dictionary<(string, string), long> cells,
        Dictionary<string, long> missing,
        long total)
    {
        Classes = classes;
        _cells = cells;
        _missing = missing;
        Total = total;
        Scores = [.. classes.Select(Score)];
        Correct = Scores.Sum(s => s.TruePositives);
    }

    /// <summary>Class labels in report order.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Per-class scores, in the order of <see cref="Classes"/>.</summary>
    public IReadOnlyList<ClassScore> Scores { get; }

    /// <summary>Golden items scored, predicted or not.</summary>
    public long Total { get; }

    public long Correct { get; }

    /// <summary>Golden items that have no prediction.</summary>
    public long Missing => _missing.Values.Sum();

    /// <summary>Correct items over all golden items (missing predictions count as wrong); 0 when empty.</summary>
    public double Accuracy => Total == 0 ? 0 : Correct / (double)Total;

    /// <summary>Share of golden items that have a prediction.</summary>
    public double Coverage => Total == 0 ? 0 : (Total - Missing) / (double)Total;

    /// <summary>Unweighted mean of per-class F1.</summary>
    public double MacroF1 => Scores.Count == 0 ? 0 : Scores.Average(s => s.F1);

    /// <summary>F1 over pooled counts; equals accuracy when every item has a prediction.</summary>
    public double MicroF1
    {
        get
        {
            var denominator = (2.0 * Correct) + Scores.Sum(s => s.FalsePositives) + Scores.Sum(s => s.FalseNegatives);
            return denominator == 0 ? 0 : 2.0 * Correct / denominator;
        }
    }

    /// <summary>Mean of per-class F1 weighted by golden support.</summary>
    public double WeightedF1 => Total == 0 ? 0 : Scores.Sum(s => s.F1 * s.Support) / Total;

    /// <summary>Builds the report from (golden label, predicted label or null) pairs.</summary>
    public static ClassificationReport Create(IEnumerable<(string Expected, string? Predicted)> outcomes)
    {
        var cells = new Dictionary<(string, string), long>();
        var missing = new Dictionary<string, long>(StringComparer.Ordinal);
        var labels = new HashSet<string>(StringComparer.Ordinal);
        var total = 0L;
        foreach (var (expected, predicted) in outcomes)
        {
            total++;
            labels.Add(expected);
            if (predicted is null)
            {
                missing[expected] = missing.GetValueOrDefault(expected) + 1;
                continue;
            }

            labels.Add(predicted);
            cells[(expected, predicted)] = cells.GetValueOrDefault((expected, predicted)) + 1;
        }

        return new ClassificationReport(LabelValue.Order(labels), cells, missing, total);
    }

    /// <summary>
    /// Returns the number of golden items of class <paramref name="expected"/> predicted as
    /// <paramref name="predicted"/>.
    /// </summary>
    public long Count(string expected, string predicted) => _cells.GetValueOrDefault((expected, predicted));

    /// <summary>Number of golden items of class <paramref name="expected"/> without a prediction.</summary>
    public long MissingFor(string expected) => _missing.GetValueOrDefault(expected);

    /// <summary>Returns the scores of a class, or null when the label is not one of <see cref="Classes"/>.</summary>
    public ClassScore? Find(string label) => Scores.FirstOrDefault(s => s.Label == label);

    private ClassScore Score(string label)
    {
        var support = Classes.Sum(p => Count(label, p)) + MissingFor(label);
        var predicted = Classes.Sum(e => Count(e, label));
        return new ClassScore(label, support, predicted, Count(label, label));
    }
}
