namespace AnnotationGate.Core.Regression;

/// <summary>
/// A classification metric that can be recomputed from item outcomes on any resample:
/// <c>accuracy</c>, <c>macro-f1</c>, <c>micro-f1</c>, <c>weighted-f1</c>,
/// <c>precision:CLASS</c>, <c>recall:CLASS</c> and <c>f1:CLASS</c>. The definitions match the
/// golden check's: a missing prediction counts as wrong and predicts no class, an undefined
/// precision, recall or F1 counts as 0 (scikit-learn's zero_division=0), and the macro and
/// weighted averages run over the classes that occur in the sample as expected or predicted label.
/// </summary>
internal sealed class ClassificationMetric
{
    private readonly Kind _kind;
    private readonly string? _label;

    private ClassificationMetric(string name, Kind kind, string? label)
    {
        Name = name;
        _kind = kind;
        _label = label;
    }

    private enum Kind
    {
        Accuracy,
        MacroF1,
        MicroF1,
        WeightedF1,
        Precision,
        Recall,
        F1,
    }

    public string Name { get; }

    public bool IsAccuracy => _kind == Kind.Accuracy;

    /// <summary>Parses a metric name; returns null for names this comparison cannot recompute.</summary>
    public static ClassificationMetric? TryParse(string name)
    {
        switch (name)
        {
            case "accuracy":
                return new(name, Kind.Accuracy, null);
            case "macro-f1":
                return new(name, Kind.MacroF1, null);
            case "micro-f1":
                return new(name, Kind.MicroF1, null);
            case "weighted-f1":
                return new(name, Kind.WeightedF1, null);
        }

        int colon = name.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == name.Length - 1)
        {
            return null;
        }

        // NOTE: the class label is matched exactly. The golden check may normalize the labels in
        // its threshold keys, and a key that differs from the stored labels only in form is undefined.
        string label = name[(colon + 1)..];
        return name[..colon] switch
        {
            "precision" => new(name, Kind.Precision, label),
            "recall" => new(name, Kind.Recall, label),
            "f1" => new(name, Kind.F1, label),
            _ => null,
        };
    }

    /// <summary>
    /// Computes the metric over weighted outcomes: outcome i (expected class, predicted class or
    /// -1) counts <c>weights[i]</c> times. Returns NaN when the metric is undefined there, such as
    /// the precision of a class never predicted.
    /// </summary>
    public double Evaluate(int[] expected, int[] predicted, int[] weights, IReadOnlyList<string> classes)
    {
        var counts = ConfusionCounts.Count(expected, predicted, weights, classes.Count);
        int target = _label is null ? -1 : IndexOf(classes, _label);
        return _kind switch
        {
            Kind.Accuracy => Ratio(counts.Correct, counts.Correct + counts.Wrong),
            Kind.MacroF1 => counts.MacroF1(),
            Kind.MicroF1 => counts.MicroF1(),
            Kind.WeightedF1 => counts.WeightedF1(),
            Kind.Precision when target >= 0 => RatioOrZero(counts.TruePositives[target], counts.Predicted[target]),
            Kind.Recall when target >= 0 => RatioOrZero(counts.TruePositives[target], counts.Actual[target]),
            Kind.F1 when target >= 0 => counts.F1(target) ?? 0,
            _ => double.NaN,
        };
    }

    private static int IndexOf(IReadOnlyList<string> classes, string label)
    {
        for (int i = 0; i < classes.Count; i++)
        {
            if (string.Equals(classes[i], label, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static double Ratio(int numerator, int denominator) =>
        denominator == 0 ? double.NaN : (double)numerator / denominator;

    private static double RatioOrZero(int numerator, int denominator) =>
        denominator == 0 ? 0 : (double)numerator / denominator;

    private sealed class ConfusionCounts
    {
        private ConfusionCounts(int classes)
        {
            TruePositives = new int[classes];
            Predicted = new int[classes];
            Actual = new int[classes];
        }

        public int[] TruePositives { get; }

        public int[] Predicted { get; }

        public int[] Actual { get; }

        public int Correct { get; private set; }

        public int Wrong { get; private set; }

        public int WrongPredictions { get; private set; }

        public static ConfusionCounts Count(int[] expected, int[] predicted, int[] weights, int classes)
        {
            var counts = new ConfusionCounts(classes);
            for (int i = 0; i < weights.Length; i++)
            {
                if (weights[i] > 0)
                {
                    counts.Add(expected[i], predicted[i], weights[i]);
                }
            }

            return counts;
        }

        // Null when the class occurs neither as expected nor as predicted label in the sample.
        public double? F1(int label)
        {
            int denominator = Predicted[label] + Actual[label];
            return denominator == 0 ? null : 2.0 * TruePositives[label] / denominator;
        }

        public double MacroF1()
        {
            var scores = Enumerable.Range(0, TruePositives.Length).Select(F1).OfType<double>().ToList();
            return scores.Count == 0 ? double.NaN : scores.Average();
        }

        public double WeightedF1()
        {
            int total = Correct + Wrong;
            double sum = 0;
            for (int label = 0; label < TruePositives.Length; label++)
            {
                sum += (F1(label) ?? 0) * Actual[label];
            }

            return total == 0 ? double.NaN : sum / total;
        }

        // Every wrong item is a false negative of its expected class; only wrong predictions that
        // name a class are false positives.
        public double MicroF1()
        {
            int denominator = (2 * Correct) + WrongPredictions + Wrong;
            return denominator == 0 ? double.NaN : 2.0 * Correct / denominator;
        }

        private void Add(int expected, int predicted, int weight)
        {
            Actual[expected] += weight;
            if (predicted >= 0)
            {
                Predicted[predicted] += weight;
            }

            if (predicted == expected)
            {
                TruePositives[expected] += weight;
                Correct += weight;
                return;
            }

            Wrong += weight;
            if (predicted >= 0)
            {
                WrongPredictions += weight;
            }
        }
    }
}
