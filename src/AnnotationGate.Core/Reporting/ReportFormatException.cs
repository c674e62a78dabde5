namespace AnnotationGate.Core.Reporting;

/// <summary>
/// Error raised when a JSON report cannot be read: invalid JSON, a missing property or a newer
/// format version.
/// </summary>
public sealed class ReportFormatException : Exception
{
    public ReportFormatException()
    {
    }

    public ReportFormatException(string message)
        : base(message)
    {
    }

    public ReportFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
