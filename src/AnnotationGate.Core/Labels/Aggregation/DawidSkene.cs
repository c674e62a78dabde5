using AnnotationGate.Core.Statistics.Agreement;

namespace AnnotationGate.Core.Labels.Aggregation;

/// <summary>
/// Dawid–Skene aggregation (Dawid and Skene, 1979): each annotator has a confusion matrix
/// P(given label | true class), items have a latent true class with class priors, and EM finds
/// the maximum-likelihood parameters and the posterior of each item's true class.
/// </summary>
/// <remarks>
/// Initialisation is deterministic: the first M-step starts from majority-vote posteriors (each
/// item's vote shares), so there is no random restart. EM stops after
/// <see cref="DawidSkeneOptions.MaxIterations"/> or when no posterior moves by more than
/// <see cref="DawidSkeneOptions.Tolerance"/>. Spammers are annotators whose spammer score
/// (Raykar and Yu, 2012) is below <see cref="DawidSkeneOptions.SpammerThreshold"/>. Each
/// iteration costs O(ratings × categories + annotators × categories²).
/// </remarks>
public static class DawidSkene
{
    /// <summary>
    /// Fits the model to the ratings, with default <see cref="DawidSkeneOptions"/> when options are null.
    /// </summary>
    public static DawidSkeneResult Fit(RatingMatrix ratings, DawidSkeneOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        options ??= new DawidSkeneOptions();
        options.Validate();
        var model = new DawidSkeneModel(ratings, options.Smoothing);
        model.InitializeFromVoteShares();

        var iterations = 0;
        var converged = false;
        while (iterations < options.MaxIterations && !converged)
        {
            model.MaximizationStep();
            var change = model.ExpectationStep();
            iterations++;
            converged = change <= options.Tolerance;
        }

        return model.ToResult(options, iterations, converged);
    }
}
