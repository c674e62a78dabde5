using AnnotationGate.Core.Configuration;

namespace AnnotationGate.Core.Data;

/// <summary>Picks the streaming reader for a file format.</summary>
public static class RecordReaders
{
    public static IRecordReader For(DataFormat format) => format switch
    {
        DataFormat.Jsonl => JsonLinesReader.Instance,
        DataFormat.Json => JsonArrayReader.Instance,
        DataFormat.Csv => DelimitedReader.Csv,
        DataFormat.Tsv => DelimitedReader.Tsv,
        _ => throw new NotSupportedException($"No reader for format '{format}' yet."),
    };

    /// <summary>Infers the format from a file extension, or returns null when the extension is not known.</summary>
    public static DataFormat? InferFormat(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jsonl" or ".ndjson" => DataFormat.Jsonl,
        ".json" => DataFormat.Json,
        ".csv" => DataFormat.Csv,
        ".tsv" or ".tab" => DataFormat.Tsv,
        _ => null,
    };
}
