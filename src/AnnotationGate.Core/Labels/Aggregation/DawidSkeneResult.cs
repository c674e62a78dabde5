namespace AnnotationGate.Core.Labels.Aggregation;

/// <summary>The fitted Dawid–Skene model: item posteriors, class priors and annotator estimates.</summary>
public sealed class DawidSkeneResult
{
    internal DawidSkeneResult(
        IReadOnlyList<string> categories,
        IReadOnlyList<double> classPriors,
        IReadOnlyList<ItemPosterior> items,
        IReadOnlyList<AnnotatorEstimate> annotators,
        int iterations,
        bool converged,
        double logLikelihood)
    {
        Categories = categories;
        ClassPriors = classPriors;
        Items = items;
        Annotators = annotators;
        Iterations = iterations;
        Converged = converged;
        LogLikelihood = logLikelihood;
    }

    /// <summary>Category labels, in the order of every probability vector and confusion row.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>Estimated share of each true class.</summary>
    public IReadOnlyList<double> ClassPriors { get; }

    /// <summary>Per-item posteriors, in the rating matrix's item order.</summary>
    public IReadOnlyList<ItemPosterior> Items { get; }

    /// <summary>Per-annotator estimates, in the rating matrix's annotator order.</summary>
    public IReadOnlyList<AnnotatorEstimate> Annotators { get; }

    /// <summary>Number of EM iterations run.</summary>
    public int Iterations { get; }

    /// <summary>True when the posteriors settled within the tolerance before the iteration limit.</summary>
    public bool Converged { get; }

    /// <summary>Log-likelihood of the labels under the final parameters (natural log).</summary>
    public double LogLikelihood { get; }

    /// <summary>Annotators flagged as spammers.</summary>
    public IEnumerable<AnnotatorEstimate> Spammers => Annotators.Where(a => a.IsSpammer);
}

/// <summary>The posterior over true labels of one item.</summary>
/// <param name="Item">Item id.</param>
/// <param name="Label">Most probable label. A tie goes to the first category in category order.</param>
/// <param name="Probabilities">Posterior probability of each category, summing to 1.</param>
public sealed record ItemPosterior(string Item, string Label, IReadOnlyList<double> Probabilities);

/// <summary>What the model estimates about one annotator.</summary>
/// <param name="Annotator">Annotator id.</param>
/// <param name="Ratings">Number of labels the annotator gave.</param>
/// <param name="Accuracy">
/// Expected share of the annotator's labels that equal the true label under the item posteriors.
/// </param>
/// <param name="SpammerScore">
/// Raykar and Yu's score: mean squared difference between the confusion rows of every two true
/// classes that occur in the ratings, 0 when the annotator's labels do not depend on the true
/// class, up to 1.
/// </param>
/// <param name="IsSpammer">
/// True when the score is below the threshold, the annotator has enough ratings and the ratings use
/// at least two categories.
/// </param>
/// <param name="ConfusionMatrix">
/// P(label given | true class): row = true class, column = given label, in category order.
/// </param>
public sealed record AnnotatorEstimate(
    string Annotator,
    int Ratings,
    double Accuracy,
    double SpammerScore,
    bool IsSpammer,
    IReadOnlyList<IReadOnlyList<double>> ConfusionMatrix);
