namespace AnnotationGate.Core.Regression;

/// <summary>
/// A baseline could not be written or read. The message is a plain sentence for the user: what
/// failed, on which file or check, and what to do.
/// </summary>
public sealed class BaselineException : Exception
{
    public BaselineException()
    {
    }

    public BaselineException(string message)
        : base(message)
    {
    }

    public BaselineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the file does not exist (as opposed to existing but being invalid).</summary>
    public bool IsMissing { get; init; }
}
