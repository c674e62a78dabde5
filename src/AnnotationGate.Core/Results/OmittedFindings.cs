using AnnotationGate.Core.Findings;

namespace AnnotationGate.Core.Results;

/// <summary>Number of findings of one rule and severity that were counted but not kept in detail.</summary>
public sealed record OmittedFindings(string Code, Severity Severity, long Count);
