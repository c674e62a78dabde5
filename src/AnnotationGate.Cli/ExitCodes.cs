namespace AnnotationGate.Cli;

/// <summary>Process exit codes, the same for the CLI, the container and the MSBuild task.</summary>
public static class ExitCodes
{
    public const int Passed = 0;
    public const int GateFailed = 1;

    /// <summary>The gate could not run: invalid arguments or configuration, unreadable input.</summary>
    public const int CouldNotRun = 2;
}
