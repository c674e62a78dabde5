namespace AnnotationGate.Core.Findings;

/// <summary>
/// A documented rule: its stable code, a short title and the severity it has unless the gate file
/// changes it.
/// </summary>
public sealed record RuleDescriptor(string Code, string Title, Severity DefaultSeverity, bool Configurable = true);
