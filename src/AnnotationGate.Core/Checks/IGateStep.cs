using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Checks;

/// <summary>
/// A check that needs whole datasets at once (golden-set evaluation, label agreement, policy). It
/// reads datasets through the context and runs after the record checks.
/// </summary>
public interface IGateStep
{
    string Id { get; }

    Task<CheckResult> RunAsync(CheckContext context, CancellationToken cancellationToken);
}
