namespace AnnotationGate.Core.Findings;

public static partial class RuleCatalog
{
    public const string MetricBelowThreshold = "AG2001";
    public const string GoldenItemWithoutPrediction = "AG2002";
    public const string PredictionForUnknownItem = "AG2003";
    public const string GoldenItemWithoutLabel = "AG2004";
    public const string SourceAgreementBelowThreshold = "AG2005";
    public const string GoldenLabelConflict = "AG2006";
    public const string SignificantRegression = "AG2010";
    public const string BaselineIncompatible = "AG2011";
    public const string ToleranceBelowDetectableDrop = "AG2012";
    public const string DropWithinNoise = "AG2013";
    public const string BaselineMissing = "AG2014";
    public const string BaselineUnreadable = "AG2015";
    public const string CheckWithoutBaseline = "AG2016";

    private static IEnumerable<RuleDescriptor> EvaluationRules() =>
    [
        new(MetricBelowThreshold, "A golden-set metric is below its threshold", Severity.Error),
        new(GoldenItemWithoutPrediction, "A golden item has no prediction", Severity.Warning),
        new(PredictionForUnknownItem, "A prediction has no golden item", Severity.Notice),
        new(GoldenItemWithoutLabel, "A golden item has no label", Severity.Error),
        new(SourceAgreementBelowThreshold, "A label source agrees with the golden set less than required", Severity.Error),
        new(GoldenLabelConflict, "A golden item has conflicting labels", Severity.Error),
        new(SignificantRegression, "A metric dropped significantly below its baseline", Severity.Error),
        new(BaselineIncompatible, "The baseline was recorded on other golden items", Severity.Error),
        new(ToleranceBelowDetectableDrop, "The golden set is too small to detect a drop of the tolerance",
            Severity.Notice),
        new(DropWithinNoise, "A metric dropped beyond the tolerance, but not significantly", Severity.Notice),
        new(BaselineMissing, "The baseline file does not exist", Severity.Warning),
        new(BaselineUnreadable, "The baseline file is invalid or of an unsupported format", Severity.Error),
        new(CheckWithoutBaseline, "A check has no counterpart in the baseline", Severity.Notice),
    ];
}
