using AnnotationGate.Core.Configuration;

namespace AnnotationGate.Core.Data;

/// <summary>A dataset of the gate file with its path resolved and its format settled.</summary>
public sealed record ResolvedDataset(string Name, DatasetConfig Config, string FullPath, string DisplayPath, DataFormat Format)
{
    /// <summary>Id field path, parsed; null when the dataset declares none.</summary>
    public FieldPath? IdPath { get; init; }
}
