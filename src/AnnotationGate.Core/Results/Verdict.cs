namespace AnnotationGate.Core.Results;

/// <summary>Outcome of a gate run; the CLI maps it to exit codes 0, 1 and 2.</summary>
public enum Verdict
{
    Pass = 0,
    Fail = 1,

    /// <summary>The gate could not run: invalid configuration or unreadable input.</summary>
    Error = 2,
}
