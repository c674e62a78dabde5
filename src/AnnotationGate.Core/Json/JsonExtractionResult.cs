using System.Text.Json;
using AnnotationGate.Core.Findings;

namespace AnnotationGate.Core.Json;

/// <summary>Reason why no JSON value could be taken from an output.</summary>
public enum JsonExtractionError
{
    /// <summary>No JSON value was found where the mode looks for one (AG1002).</summary>
    NotJson,

    /// <summary>The output is valid JSON inside a code fence, but strict mode requires bare JSON (AG1003).</summary>
    FencedInStrictMode,

    /// <summary>The output contains more than one JSON value (AG1004).</summary>
    SeveralJsonValues,

    /// <summary>The output has text before or after its one JSON value (AG1005).</summary>
    TextAroundJson,

    /// <summary>The output is a code fence labelled with another language, such as <c>```python</c> (AG1006).</summary>
    NotAJsonFence,
}

/// <summary>
/// Outcome of <see cref="JsonExtractor.Extract"/>: the JSON value found in an output, or the reason
/// why there is none, with its rule code and a message that quotes the offending text.
/// </summary>
public sealed class JsonExtractionResult
{
    private JsonExtractionResult(JsonElement value, JsonExtractionError? error, string? message)
    {
        Value = value;
        Error = error;
        Message = message;
    }

    /// <summary>True when exactly one JSON value was found as the mode requires.</summary>
    public bool Succeeded => Error is null;

    /// <summary>
    /// The extracted value, a standalone element that stays valid after the call; default on failure.
    /// </summary>
    public JsonElement Value { get; }

    /// <summary>Why extraction failed; null on success.</summary>
    public JsonExtractionError? Error { get; }

    /// <summary>Rule code of <see cref="Error"/> (AG1002 to AG1006); null on success.</summary>
    public string? Code => Error is { } error ? CodeOf(error) : null;

    /// <summary>Plain sentences for the finding; null on success.</summary>
    public string? Message { get; }

    /// <summary>Returns the rule code of an extraction error.</summary>
    public static string CodeOf(JsonExtractionError error) => error switch
    {
        JsonExtractionError.NotJson => RuleCatalog.NotJson,
        JsonExtractionError.FencedInStrictMode => RuleCatalog.FencedInStrictMode,
        JsonExtractionError.SeveralJsonValues => RuleCatalog.SeveralJsonValues,
        JsonExtractionError.TextAroundJson => RuleCatalog.TextAroundJson,
        JsonExtractionError.NotAJsonFence => RuleCatalog.NotAJsonFence,
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, "Unknown extraction error."),
    };

    internal static JsonExtractionResult Success(JsonElement value) => new(value, null, null);

    internal static JsonExtractionResult Failure(JsonExtractionError error, string message) =>
        new(default, error, message);
}
