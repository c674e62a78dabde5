namespace AnnotationGate.Core.Results;

public enum CheckStatus
{
    Passed,
    Failed,

    /// <summary>The check could not run (its dataset is missing or unreadable).</summary>
    Error,
}
