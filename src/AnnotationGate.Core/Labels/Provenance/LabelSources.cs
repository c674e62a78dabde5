using AnnotationGate.Core.Configuration;

namespace AnnotationGate.Core.Labels.Provenance;

/// <summary>Reads and prints label source names as the gate file spells them.</summary>
public static class LabelSources
{
    /// <summary>
    /// Parses a per-record source value: expert, crowd, llm, behavioral (or behavioural) or rule,
    /// ignoring case and surrounding whitespace. Returns null for anything else.
    /// </summary>
    public static LabelSource? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "expert" => LabelSource.Expert,
        "crowd" => LabelSource.Crowd,
        "llm" => LabelSource.Llm,
        "behavioral" or "behavioural" => LabelSource.Behavioral,
        "rule" => LabelSource.Rule,
        _ => null,
    };

    /// <summary>Returns the gate-file spelling, such as <c>llm</c>.</summary>
    public static string Name(LabelSource source) => GateJson.EnumValue(source);
}
