namespace AnnotationGate.Core.Checks.Paraphrase;

/// <summary>
/// What the check keeps of one record: where it is, how to name it, and the compared value (the output
/// text, the normalized label, or one normalized value per configured JSON field). When comparing by
/// embedding, the text gives way to its vector once that is computed, and the vector is released once
/// the group is judged.
/// </summary>
internal sealed class GroupMember(string name, string file, int line, string? recordId, string dataset, string[] values)
{
    public string Name { get; } = name;

    public string File { get; } = file;

    public int Line { get; } = line;

    public string? RecordId { get; } = recordId;

    public string Dataset { get; } = dataset;

    /// <summary>The compared values; empty once the text has been embedded.</summary>
    public string[] Values { get; set; } = values;

    /// <summary>The output text, for embedding and exact comparison.</summary>
    public string Text => Values[0];

    /// <summary>The embedding of <see cref="Text"/>, between embedding and judging.</summary>
    public float[]? Vector { get; set; }
}
