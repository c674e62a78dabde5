namespace AnnotationGate.Core.Findings;

public static partial class RuleCatalog
{
    public const string MetricBelowThreshold = "AG2001";
    public const string GoldenItemWithoutPrediction = "AG2002";
    public const string PredictionForUnknownItem = "AG2003";
    public const string GoldenItemWithoutLabel = "AG2004";
    public const string SourceAgreementBelowThreshold = "AG2005";
    public const string GoldenLabelConflict = "AG2006";

    private static IEnumerable<RuleDescriptor> EvaluationRules() =>
    [
        new(MetricBelowThreshold, "A golden-set metric is below its threshold", Severity.Error),
        new(GoldenItemWithoutPrediction, "A golden item has no prediction", Severity.Warning),
        new(PredictionForUnknownItem, "A prediction has no golden item", Severity.Notice),
        new(GoldenItemWithoutLabel, "A golden item has no label", Severity.Error),
        new(SourceAgreementBelowThreshold, "A label source agrees with the golden set less than required", Severity.Error),
        new(GoldenLabelConflict, "A golden item has conflicting labels", Severity.Error),
    ];
}
