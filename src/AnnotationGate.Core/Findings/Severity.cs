namespace AnnotationGate.Core.Findings;

/// <summary>
/// Severity of a finding, ordered from least to most severe. Only <see cref="Error"/> fails a gate,
/// unless the run treats warnings as errors.
/// </summary>
public enum Severity
{
    /// <summary>The rule is turned off: its findings are dropped.</summary>
    Off = 0,

    /// <summary>Information worth reading; never fails a gate.</summary>
    Notice = 1,

    /// <summary>A probable problem; fails the gate only with warnings as errors.</summary>
    Warning = 2,

    /// <summary>A problem that fails the gate.</summary>
    Error = 3,
}
