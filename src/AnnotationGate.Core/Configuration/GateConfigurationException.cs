namespace AnnotationGate.Core.Configuration;

/// <summary>The gate cannot run because its configuration is invalid; carries every error found.</summary>
public sealed class GateConfigurationException : Exception
{
    public GateConfigurationException(IReadOnlyList<ConfigurationError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public GateConfigurationException(ConfigurationError error)
        : this([error])
    {
    }

    public GateConfigurationException()
        : this([])
    {
    }

    public GateConfigurationException(string message)
        : this(new ConfigurationError("", 0, 0, message))
    {
    }

    public GateConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new ConfigurationError("", 0, 0, message)];
    }

    public IReadOnlyList<ConfigurationError> Errors { get; }
}
