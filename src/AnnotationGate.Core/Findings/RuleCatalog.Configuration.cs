namespace AnnotationGate.Core.Findings;

public static partial class RuleCatalog
{
    public const string InvalidGateFile = "AG0001";
    public const string DatasetNotFound = "AG0002";
    public const string MalformedRecord = "AG0003";
    public const string InvalidUtf8 = "AG0004";
    public const string DuplicateId = "AG0005";
    public const string MissingId = "AG0006";
    public const string FieldNeverFound = "AG0007";
    public const string PathOutsideRepository = "AG0008";
    public const string UnreadableFile = "AG0009";
    public const string EmptyDataset = "AG0010";
    public const string InvalidSchemaFile = "AG0011";
    public const string CheckCouldNotRun = "AG0012";

    private static IEnumerable<RuleDescriptor> ConfigurationRules() =>
    [
        new(InvalidGateFile, "The gate file is invalid", Severity.Error, Configurable: false),
        new(DatasetNotFound, "A dataset file was not found", Severity.Error, Configurable: false),
        new(MalformedRecord, "A record could not be parsed", Severity.Error),
        new(InvalidUtf8, "A file contains invalid UTF-8", Severity.Error),
        new(DuplicateId, "Two records share an id", Severity.Error),
        new(MissingId, "A record has no id", Severity.Error),
        new(FieldNeverFound, "A field path matched no record", Severity.Error),
        new(PathOutsideRepository, "A path leaves the repository", Severity.Error, Configurable: false),
        new(UnreadableFile, "A file could not be read", Severity.Error, Configurable: false),
        new(EmptyDataset, "A dataset has no records", Severity.Error),
        new(InvalidSchemaFile, "A JSON Schema file is invalid or uses an unsupported keyword", Severity.Error, Configurable: false),
        new(CheckCouldNotRun, "A check could not run", Severity.Error, Configurable: false),
    ];
}
