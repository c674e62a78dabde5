namespace AnnotationGate.Core.Checks;

/// <summary>What a check did with one record.</summary>
public enum CheckOutcome
{
    Passed,
    Failed,

    /// <summary>The check does not apply to this record; a record no check applied to is a finding.</summary>
    Skipped,
}
