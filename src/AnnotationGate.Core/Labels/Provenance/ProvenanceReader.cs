using System.Globalization;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;

namespace AnnotationGate.Core.Labels.Provenance;

/// <summary>
/// Streams a dataset once and gathers its <see cref="DatasetProvenance"/>. A record's source is
/// its <c>labels.source-field</c> value when that parses, else the dataset's <c>labels.source</c>.
/// Its model is its <c>labels.model-field</c> value, else <c>labels.model</c>. The item is
/// <c>labels.item</c> (long-form votes), else the record id, else the line.
/// </summary>
public sealed class ProvenanceReader
{
    private readonly string _dataset;
    private readonly DatasetConfig _config;
    private readonly LabelConfig _labels;
    private readonly FieldPath? _label;
    private readonly FieldPath? _item;
    private readonly FieldPath? _annotator;
    private readonly FieldPath? _sourceField;
    private readonly FieldPath? _modelField;
    private readonly FieldPath? _reviewed;
    private readonly FieldPath? _reviewLabel;
    private readonly FieldPath? _confidence;

    public ProvenanceReader(string dataset, DatasetConfig config)
    {
        _dataset = dataset;
        _config = config;
        _labels = config.Labels ?? new LabelConfig();
        _label = PathOf(_labels.Field);
        _item = PathOf(_labels.Item);
        _annotator = PathOf(_labels.Annotator);
        _sourceField = PathOf(_labels.SourceField);
        _modelField = PathOf(_labels.ModelField);
        _reviewed = PathOf(_labels.Reviewed);
        _reviewLabel = PathOf(_labels.ReviewLabel);
        _confidence = PathOf(_labels.Confidence);
    }

    /// <summary>
    /// Whether to keep the confidence of labels no human reviewed, for comparison with crowd votes on the
    /// same items. Default false: only reviewed labels keep their confidence, which bounds memory
    /// on large datasets.
    /// </summary>
    public bool KeepUnreviewedConfidences { get; init; }

    /// <summary>True when the dataset names a label field, so it has labels to account for.</summary>
    public bool HasLabels => _label is not null;

    /// <summary>Reads every record; <paramref name="keepItemLabels"/> keeps the first label per item.</summary>
    public DatasetProvenance Read(IEnumerable<DataRecord> records, bool keepItemLabels)
    {
        var provenance = new DatasetProvenance(_dataset, _config);
        var paths = ConfiguredPaths();
        var found = new long[paths.Count];
        foreach (var record in records)
        {
            provenance.Records++;
            Add(provenance, record, keepItemLabels);
            for (var i = 0; i < paths.Count; i++)
            {
                if (paths[i].Path.TryResolve(record.Root, out _))
                {
                    found[i]++;
                }
            }
        }

        provenance.FieldsNeverFound = provenance.Records == 0
            ? []
            : [.. paths.Where((_, i) => found[i] == 0).Select(p => (p.Key, p.Path.Text))];
        return provenance;
    }

    /// <summary>The labels.* keys that name a field, with their parsed paths.</summary>
    private List<(string Key, FieldPath Path)> ConfiguredPaths()
    {
        (string Key, FieldPath? Path)[] all =
        [
            ("field", _label), ("item", _item), ("annotator", _annotator), ("source-field", _sourceField),
            ("model-field", _modelField), ("reviewed", _reviewed), ("review-label", _reviewLabel), ("confidence", _confidence),
        ];
        return [.. all.Where(p => p.Path is not null).Select(p => (p.Key, p.Path!))];
    }

    private void Add(DatasetProvenance provenance, DataRecord record, bool keepItemLabels)
    {
        var label = _label is null ? null : LabelValue.Normalize(_label.ResolveText(record.Root));
        if (label is null)
        {
            return;
        }

        provenance.Labelled++;
        var source = LabelSources.Parse(_sourceField?.ResolveText(record.Root)) ?? _labels.Source;
        if (source is null)
        {
            provenance.Unattributed++;
            return;
        }

        var item = ItemOf(record);
        if (keepItemLabels)
        {
            provenance.ItemLabels.TryAdd(item, label);
        }

        var slice = provenance.SliceFor(source.Value);

        // Long-form files (duplicate-ids: allow) repeat an item on several rows. Outside crowd votes, where
        // each row is a vote, an item's label counts once, as in the golden set built from the same file.
        if (source != LabelSource.Crowd && _config.DuplicateIds == DuplicateIdPolicy.Allow && !slice.SeenItems.Add(item))
        {
            return;
        }

        slice.Labels++;
        Increment(slice.Distribution, label);
        AddContext(slice, record, item, label);
    }

    private void AddContext(SourceSlice slice, DataRecord record, string item, string label)
    {
        if (slice.Source == LabelSource.Llm)
        {
            var model = _modelField?.ResolveText(record.Root)?.Trim() is { Length: > 0 } m ? m : _labels.Model ?? "";
            Increment(slice.Models, model);
        }

        if (slice.Source == LabelSource.Crowd)
        {
            var annotator = _annotator?.ResolveText(record.Root)?.Trim() is { Length: > 0 } a
                ? a
                : "#" + slice.Votes.Count.ToString(CultureInfo.InvariantCulture);
            slice.Votes.Add(new(item, annotator, label));
        }

        var review = LabelValue.Normalize(_reviewLabel?.ResolveText(record.Root));
        var reviewed = IsTrue(_reviewed?.ResolveText(record.Root)) || (_reviewed is null && review is not null);
        if (reviewed)
        {
            slice.Reviewed++;
            if (review is not null)
            {
                slice.ReviewPairs.Add((label, review));
            }
        }

        if ((reviewed || KeepUnreviewedConfidences) && Confidence(record) is { } confidence)
        {
            slice.Confidences.Add((confidence, item, label, reviewed ? review : null));
        }
    }

    private double? Confidence(DataRecord record)
    {
        var text = _confidence?.ResolveText(record.Root);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value is >= 0 and <= 1 ? value : null;
    }

    private string ItemOf(DataRecord record)
    {
        if (_item?.ResolveText(record.Root)?.Trim() is { Length: > 0 } item)
        {
            return item;
        }

        return string.IsNullOrEmpty(record.Id)
            ? "line " + record.Line.ToString(CultureInfo.InvariantCulture)
            : record.Id;
    }

    private static bool IsTrue(string? text) =>
        text?.Trim().ToLowerInvariant() is "true" or "1" or "yes" or "y";

    private static void Increment(Dictionary<string, long> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    // NOTE: a labels field path that does not parse is treated as absent, and no finding reports it.
    private static FieldPath? PathOf(string? text) =>
        !string.IsNullOrWhiteSpace(text) && FieldPath.TryParse(text, out var path, out _) ? path : null;
}
