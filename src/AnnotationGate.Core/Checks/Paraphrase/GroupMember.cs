namespace AnnotationGate.Core.Checks.Paraphrase;

/// <summary>
/// What the check keeps of one record: where it is, how to name it, and the compared value (the output
/// text, the normalized label, or one normalized value per configured JSON field).
/// </summary>
internal sealed record GroupMember(string Name, string File, int Line, string? RecordId, string Dataset, string[] Values)
{
    /// <summary>The output text, for embedding and exact comparison.</summary>
    public string Text => Values[0];
}
