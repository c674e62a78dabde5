namespace AnnotationGate.Core.Findings;

/// <summary>
/// One result of a rule: a stable code, a severity, a message and where it applies. Location travels
/// as typed fields so that every host (console, MSBuild, GitHub annotations, SARIF) can place it.
/// </summary>
public sealed record Finding
{
    public Finding(string code, Severity severity, string message)
    {
        Code = code;
        Severity = severity;
        Message = message;
    }

    /// <summary>Rule code such as <c>AG1001</c>; see <see cref="RuleCatalog"/>.</summary>
    public string Code { get; init; }

    public Severity Severity { get; init; }

    /// <summary>Plain sentences: what failed, on which value, and what to do.</summary>
    public string Message { get; init; }

    /// <summary>Path of the file the finding points at, as written in the gate file or relative to it.</summary>
    public string? File { get; init; }

    /// <summary>1-based line in <see cref="File"/>, when known.</summary>
    public int? Line { get; init; }

    /// <summary>1-based column in <see cref="File"/>, when known.</summary>
    public int? Column { get; init; }

    /// <summary>RFC 6901 JSON Pointer inside the record or the extracted JSON value.</summary>
    public string? JsonPointer { get; init; }

    /// <summary>Value of the dataset's id field for the record concerned.</summary>
    public string? RecordId { get; init; }

    /// <summary>Name of the dataset in the gate file.</summary>
    public string? Dataset { get; init; }

    /// <summary>Id of the check that produced the finding.</summary>
    public string? Check { get; init; }

    /// <summary>Link to the rule's documentation page.</summary>
    public string HelpUri => RuleCatalog.HelpUri(Code);
}
