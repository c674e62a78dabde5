using AnnotationGate.Core.Data;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Checks;

/// <summary>
/// A check that looks at records one at a time, during the single streaming pass over its dataset.
/// It keeps only compact state between records.
/// </summary>
public interface IRecordCheck
{
    /// <summary>Id of the check, unique in the gate.</summary>
    string Id { get; }

    /// <summary>Name of the dataset whose records it reads.</summary>
    string Dataset { get; }

    /// <summary>
    /// True when <see cref="Evaluate"/> may run on several records at once from different threads;
    /// the engine then checks records in parallel. Default false.
    /// </summary>
    bool IsThreadSafe => false;

    /// <summary>Checks one record and reports its findings through <paramref name="context"/>.</summary>
    CheckOutcome Evaluate(DataRecord record, CheckContext context);

    /// <summary>Reports check-level findings (such as a field path that matched no record) and returns the summary.</summary>
    CheckResult Complete(CheckContext context);
}
