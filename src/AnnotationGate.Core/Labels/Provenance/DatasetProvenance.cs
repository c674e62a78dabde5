using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Statistics.Agreement;

namespace AnnotationGate.Core.Labels.Provenance;

/// <summary>
/// Where the labels of one dataset came from, as read from its records: the labels per source
/// (the dataset's declared source, or a per-record override), and the facts the policy rules need
/// about each source.
/// </summary>
public sealed class DatasetProvenance
{
    public DatasetProvenance(string dataset, DatasetConfig config)
    {
        Dataset = dataset;
        Config = config;
    }

    public string Dataset { get; }

    public DatasetConfig Config { get; }

    public DatasetPurpose? Purpose => Config.Purpose;

    /// <summary>Source the dataset declares; per-record values override it.</summary>
    public LabelSource? DeclaredSource => Config.Labels?.Source;

    public long Records { get; internal set; }

    /// <summary>labels.* keys whose field path matched no record (a typo hides the labels from every rule).</summary>
    public IReadOnlyList<(string Key, string Path)> FieldsNeverFound { get; internal set; } = [];

    /// <summary>Records with a label.</summary>
    public long Labelled { get; internal set; }

    /// <summary>Labelled records whose source is neither declared nor given per record.</summary>
    public long Unattributed { get; internal set; }

    /// <summary>Labelled records per source.</summary>
    public SortedDictionary<LabelSource, SourceSlice> Sources { get; } = [];

    /// <summary>First label per item id, kept for golden and evaluation sets.</summary>
    public Dictionary<string, string> ItemLabels { get; } = new(StringComparer.Ordinal);

    /// <summary>Returns the slice of one source, or null when no record has it.</summary>
    public SourceSlice? Slice(LabelSource source) => Sources.GetValueOrDefault(source);

    internal SourceSlice SliceFor(LabelSource source)
    {
        if (!Sources.TryGetValue(source, out var slice))
        {
            slice = new SourceSlice(source);
            Sources[source] = slice;
        }

        return slice;
    }
}

/// <summary>The labels of one source within a dataset.</summary>
public sealed class SourceSlice
{
    public SourceSlice(LabelSource source)
    {
        Source = source;
    }

    public LabelSource Source { get; }

    /// <summary>Labels (records, or votes for crowd sources).</summary>
    public long Labels { get; internal set; }

    /// <summary>Items already counted, for long-form datasets that repeat an item on several rows.</summary>
    internal HashSet<string> SeenItems { get; } = new(StringComparer.Ordinal);

    /// <summary>Labels per label value.</summary>
    public Dictionary<string, long> Distribution { get; } = new(StringComparer.Ordinal);

    /// <summary>Labels per labelling model name (empty name when none is given).</summary>
    public Dictionary<string, long> Models { get; } = new(StringComparer.Ordinal);

    /// <summary>Labels a human reviewed.</summary>
    public long Reviewed { get; internal set; }

    /// <summary>Reviewed labels with the reviewer's label.</summary>
    public List<(string Label, string Review)> ReviewPairs { get; } = [];

    /// <summary>
    /// Labels with a confidence: the item, the label and the reviewer's label if any. Unreviewed
    /// labels are kept only when the gate has crowd votes to compare them with.
    /// </summary>
    public List<(double Confidence, string Item, string Label, string? Review)> Confidences { get; } = [];

    /// <summary>Crowd votes (item, annotator, label); kept for crowd sources only.</summary>
    public List<Rating> Votes { get; } = [];
}
