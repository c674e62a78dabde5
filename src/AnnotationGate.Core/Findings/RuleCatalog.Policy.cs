namespace AnnotationGate.Core.Findings;

public static partial class RuleCatalog
{
    public const string LlmLabelsAsReference = "AG3001";
    public const string ClosedLoopLabels = "AG3002";
    public const string GoldenLeakage = "AG3003";
    public const string LlmLabelsUnderReviewed = "AG3004";
    public const string WeakCrowdLabels = "AG3005";
    public const string BehavioralLabelsWithoutDebiasing = "AG3006";
    public const string GoldenSetTooSmall = "AG3007";
    public const string OverconfidentLlmLabels = "AG3008";
    public const string LabelDistributionDrift = "AG3009";
    public const string ExpertLabelsOnObjectiveTask = "AG3010";
    public const string UndeclaredLabelSource = "AG3011";
    public const string SourcingAdvice = "AG3012";
    public const string UnknownModelFamily = "AG3013";
    public const string LabelDriftNotTested = "AG3014";

    private static IEnumerable<RuleDescriptor> PolicyRules() =>
    [
        new(LlmLabelsAsReference, "LLM labels are used as the golden or evaluation reference", Severity.Error),
        new(ClosedLoopLabels, "Labels come from the same model family as the model under test", Severity.Error),
        new(GoldenLeakage, "Golden items appear in the training data", Severity.Error),
        new(LlmLabelsUnderReviewed, "LLM labels lack a human review sample, or disagree with it", Severity.Warning),
        new(WeakCrowdLabels, "Crowd labels have too few votes per item or low agreement", Severity.Warning),
        new(BehavioralLabelsWithoutDebiasing, "Behavioural signals are used as labels without debiasing",
            Severity.Error),
        new(GoldenSetTooSmall, "The golden set is too small for its thresholds", Severity.Warning),
        new(OverconfidentLlmLabels, "LLM label confidences are overconfident or miscalibrated", Severity.Warning),
        new(LabelDistributionDrift, "LLM label distribution differs from the expert golden set", Severity.Warning),
        new(ExpertLabelsOnObjectiveTask, "Expert labels are spent on an objective format check", Severity.Notice),
        new(UndeclaredLabelSource, "A dataset has labels but no declared source", Severity.Warning),
        new(SourcingAdvice, "The declared label source differs from the recommended one", Severity.Notice),
        new(UnknownModelFamily, "The family of a labelling model is not known", Severity.Notice),
        new(LabelDriftNotTested, "LLM label drift was not tested: no golden set shares the label values",
            Severity.Notice),
    ];
}
