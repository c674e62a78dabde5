using System.Text;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;
using AnnotationGate.Core.Findings;

namespace AnnotationGate.Core.Tests.Data;

/// <summary>Writes data files into a temporary folder and reads them back with the real readers.</summary>
internal sealed class ReaderHarness : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ag-readers-").FullName;

    public List<Finding> Findings { get; } = [];

    public string WriteText(string name, string text) => WriteBytes(name, Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static ResolvedDataset Dataset(string path, DataFormat format) =>
        new("data", new DatasetConfig { Path = path }, path, "data/" + Path.GetFileName(path), format);

    /// <summary>Reads every record, copying each root to JSON text before the reader moves on.</summary>
    public List<ReadRecord> Read(string path, DataFormat format, CancellationToken cancellationToken = default) =>
        [.. RecordReaders.For(format).Read(Dataset(path, format), Findings.Add, cancellationToken)
            .Select(r => new ReadRecord(r.File, r.Line, r.Index, r.Root.GetRawText()))];

    public List<ReadRecord> ReadText(string name, string text, DataFormat format) => Read(WriteText(name, text), format);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

internal sealed record ReadRecord(string File, int Line, long Index, string Json);
