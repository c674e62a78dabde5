using System.Text.Json;

namespace AnnotationGate.Core.Data;

/// <summary>
/// One record of a dataset. <see cref="Root"/> is valid only until the reader moves to the next
/// record: a check that keeps data copies it (<see cref="JsonElement.Clone"/> or a string).
/// CSV and TSV rows are presented as a JSON object of string columns.
/// </summary>
public sealed class DataRecord
{
    public DataRecord(string file, int line, long index, JsonElement root)
    {
        File = file;
        Line = line;
        Index = index;
        Root = root;
    }

    /// <summary>Path of the data file, as shown in findings.</summary>
    public string File { get; }

    /// <summary>1-based line on which the record starts.</summary>
    public int Line { get; }

    /// <summary>0-based position of the record in the file, counting only well-formed records.</summary>
    public long Index { get; }

    public JsonElement Root { get; }

    /// <summary>Value of the dataset's id field, or null when the dataset has none or the record lacks it.</summary>
    public string? Id { get; set; }
}
