namespace AnnotationGate.Core.Labels.Aggregation;

/// <summary>Settings of <see cref="DawidSkene"/>, each with its default.</summary>
public sealed record DawidSkeneOptions
{
    /// <summary>Maximum number of EM iterations. Default 100.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>
    /// EM stops when no item posterior probability moves by more than this between two iterations.
    /// Default 1e-5. EM converges linearly, so each tenfold smaller tolerance costs a further batch
    /// of iterations.
    /// </summary>
    public double Tolerance { get; init; } = 1e-5;

    /// <summary>
    /// Pseudo-count added to every confusion-matrix cell and class-prior count in the M-step
    /// (a symmetric Dirichlet prior), so that an unseen label never gets probability 0. Default 0.01.
    /// </summary>
    public double Smoothing { get; init; } = 0.01;

    /// <summary>
    /// Annotators whose spammer score is below this value are flagged as spammers. Default 0.05,
    /// which for binary labels flags |sensitivity + specificity − 1| below about 0.22.
    /// </summary>
    public double SpammerThreshold { get; init; } = 0.05;

    /// <summary>
    /// Annotators with fewer ratings than this are never flagged, because their confusion matrix
    /// rests on too little data. Default 10.
    /// </summary>
    public int MinRatingsForSpammer { get; init; } = 10;

    internal void Validate()
    {
        if (MaxIterations < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxIterations), MaxIterations, "MaxIterations must be 1 or more.");
        }

        if (!(Tolerance >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "Tolerance must be 0 or more.");
        }

        if (!(Smoothing >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(Smoothing), Smoothing, "Smoothing must be 0 or more.");
        }
    }
}
