namespace AnnotationGate.Core.Configuration;

/// <summary>One problem in a gate file, with its position and the key concerned.</summary>
public sealed record ConfigurationError(string File, int Line, int Column, string Message)
{
    /// <summary>JSON Pointer of the offending key or value, such as <c>/checks/0/max</c>.</summary>
    public string? Pointer { get; init; }

    /// <summary>Rule code of the error: AG0001 for the gate file itself, or a more specific AG0xxx code.</summary>
    public string Code { get; init; } = Findings.RuleCatalog.InvalidGateFile;

    public override string ToString() => $"{File}({Line},{Column}): {Message}";
}
