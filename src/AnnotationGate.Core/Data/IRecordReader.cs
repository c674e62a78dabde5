using AnnotationGate.Core.Findings;

namespace AnnotationGate.Core.Data;

/// <summary>
/// Streams the records of one file. Malformed records, invalid UTF-8 and similar problems go to
/// the <c>onFinding</c> callback as AG0xxx findings with file and line, and reading goes on.
/// </summary>
public interface IRecordReader
{
    IEnumerable<DataRecord> Read(ResolvedDataset dataset, Action<Finding> onFinding, CancellationToken cancellationToken);
}
