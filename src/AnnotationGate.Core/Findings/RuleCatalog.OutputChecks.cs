namespace AnnotationGate.Core.Findings;

public static partial class RuleCatalog
{
    public const string SchemaViolation = "AG1001";
    public const string NotJson = "AG1002";
    public const string FencedInStrictMode = "AG1003";
    public const string SeveralJsonValues = "AG1004";
    public const string TextAroundJson = "AG1005";
    public const string NotAJsonFence = "AG1006";
    public const string ForbiddenSchemaMatched = "AG1007";
    public const string LengthOutOfBounds = "AG1010";
    public const string RequiredFieldMissing = "AG1020";
    public const string PatternNotMatched = "AG1030";
    public const string ForbiddenPatternMatched = "AG1031";
    public const string NoCheckExecuted = "AG1040";
    public const string ValueNotText = "AG1041";
    public const string CheckEvaluatedNoRecords = "AG1042";
    public const string InconsistentParaphraseGroup = "AG1050";
    public const string TruncatedForEmbedding = "AG1051";
    public const string SingleRecordGroup = "AG1052";

    private static IEnumerable<RuleDescriptor> OutputCheckRules() =>
    [
        new(SchemaViolation, "An output does not match its JSON Schema", Severity.Error),
        new(NotJson, "An output is not JSON", Severity.Error),
        new(FencedInStrictMode, "An output is fenced JSON where strict mode requires bare JSON", Severity.Error),
        new(SeveralJsonValues, "An output holds several JSON values", Severity.Error),
        new(TextAroundJson, "An output has text around its JSON value", Severity.Error),
        new(NotAJsonFence, "An output is fenced, but not as JSON", Severity.Error),
        new(ForbiddenSchemaMatched, "An output matches a schema it must not match", Severity.Error),
        new(LengthOutOfBounds, "An output is shorter or longer than its bounds", Severity.Error),
        new(RequiredFieldMissing, "A required field is missing or empty", Severity.Error),
        new(PatternNotMatched, "An output does not match a required pattern", Severity.Error),
        new(ForbiddenPatternMatched, "An output matches a forbidden pattern", Severity.Error),
        new(NoCheckExecuted, "No check ran on a record", Severity.Error),
        new(ValueNotText, "A field holds a value of the wrong kind for the check", Severity.Error),
        new(CheckEvaluatedNoRecords, "A check evaluated no records", Severity.Error),
        new(InconsistentParaphraseGroup, "Outputs for paraphrases of one input disagree", Severity.Error),
        new(TruncatedForEmbedding, "An output was cut to the embedding model's input limit", Severity.Notice),
        new(SingleRecordGroup, "A paraphrase group has a single record", Severity.Notice),
    ];
}
