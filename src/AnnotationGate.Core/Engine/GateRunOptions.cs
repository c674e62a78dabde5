namespace AnnotationGate.Core.Engine;

/// <summary>Settings of one gate run that do not come from the gate file.</summary>
public sealed class GateRunOptions
{
    /// <summary>Fail the gate on warnings too. Default false.</summary>
    public bool WarningsAsErrors { get; init; }

    /// <summary>
    /// Folder that gate-file paths must stay inside. Defaults to the nearest folder above the gate file
    /// that contains <c>.git</c>, else the gate file's own folder.
    /// </summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>
    /// Baseline file to compare against, overriding the gate file's <c>baseline</c> key; relative paths
    /// resolve against the current folder. Null uses the gate file's key, if any.
    /// </summary>
    public string? BaselinePath { get; init; }

    /// <summary>Skip the baseline comparison even when the gate file names one (used when recording a baseline).</summary>
    public bool SkipBaseline { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Services for checks that need a host component, such as the embedding engine.</summary>
    public IServiceProvider? Services { get; init; }

    /// <summary>Receives progress while datasets are streamed; null for none.</summary>
    public IProgress<GateProgress>? Progress { get; init; }
}

/// <summary>Progress of a run: records read so far in one dataset, and the bytes behind them.</summary>
public readonly record struct GateProgress(string Dataset, long Records, long BytesRead, long TotalBytes);
