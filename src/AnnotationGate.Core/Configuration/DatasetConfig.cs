using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AnnotationGate.Core.Configuration;

/// <summary>A data file named in the gate file, with its format, id field and label provenance.</summary>
public sealed class DatasetConfig
{
    [Required]
    [Description("Path of the file, relative to the gate file; it must stay inside the repository.")]
    public string Path { get; set; } = "";

    [Description("File format. Inferred from the extension (.jsonl, .json, .csv, .tsv) when omitted.")]
    public DataFormat? Format { get; set; }

    [Description("Field path of the record id, such as id or meta.id.")]
    public string? Id { get; set; }

    [Description("Field path of the input text, used by leakage and paraphrase checks.")]
    public string? Text { get; set; }

    [Description("What the dataset is for: outputs, evaluation, golden, training or monitoring.")]
    public DatasetPurpose? Purpose { get; set; }

    [Description("Where the labels came from and which fields hold them.")]
    public LabelConfig? Labels { get; set; }

    [Description("How repeated ids are treated: error (default) or allow (long-form data, one row per vote).")]
    public DuplicateIdPolicy DuplicateIds { get; set; } = DuplicateIdPolicy.Error;

    [Description("The labelling task: its kind, complexity, required quality and volume, for the sourcing advisor.")]
    public TaskConfig? Task { get; set; }
}

/// <summary>Requirements of a labelling task, as the sourcing advisor reads them.</summary>
public sealed class TaskConfig
{
    [Description("Kind of judgement: objective (a format check a rule or schema can do), judgement (default), " +
        "perceptual or subjective.")]
    public TaskKind Kind { get; set; } = TaskKind.Judgement;

    [Description("How hard the task is for a labeller: low, medium (default) or high.")]
    public TaskLevel Complexity { get; set; } = TaskLevel.Medium;

    [Description("Quality the labels must reach: low, medium (default) or high.")]
    public TaskLevel Quality { get; set; } = TaskLevel.Medium;

    [Description("Labels needed; defaults to the labels the dataset holds.")]
    [Range(0, int.MaxValue)]
    public long? Volume { get; set; }
}

/// <summary>Kind of judgement a labelling task needs.</summary>
public enum TaskKind
{
    Objective,
    Judgement,
    Perceptual,
    Subjective,
}

/// <summary>A three-step level (complexity or quality).</summary>
public enum TaskLevel
{
    Low,
    Medium,
    High,
}

public enum DataFormat
{
    Jsonl,
    Json,
    Csv,
    Tsv,
}

public enum DatasetPurpose
{
    Outputs,
    Evaluation,
    Golden,
    Training,
    Monitoring,
}

public enum DuplicateIdPolicy
{
    Error,
    Allow,
}

/// <summary>Kind of producer behind a label.</summary>
public enum LabelSource
{
    Expert,
    Crowd,
    Llm,
    Behavioral,
    Rule,
}

/// <summary>Provenance of a dataset's labels: the source, and the fields that carry the label and its context.</summary>
public sealed class LabelConfig
{
    [Description("Field path of the label.")]
    public string? Field { get; set; }

    [Description("Who or what produced the labels: expert, crowd, llm, behavioral or rule.")]
    public LabelSource? Source { get; set; }

    [Description("Labelling model for llm labels, such as gpt-4o-mini.")]
    public string? Model { get; set; }

    [Description("Per-record field naming the labelling model, overriding model for that record.")]
    public string? ModelField { get; set; }

    [Description("Labelling model family; derived from the model when omitted.")]
    public string? Family { get; set; }

    [Description("Field naming the labelled item, for long-form crowd votes (one row per vote).")]
    public string? Item { get; set; }

    [Description("Field naming the annotator, for crowd votes.")]
    public string? Annotator { get; set; }

    [Description("Per-record field that overrides the source (a mixed dataset).")]
    public string? SourceField { get; set; }

    [Description("Per-record boolean field: true when a human reviewed the label.")]
    public string? Reviewed { get; set; }

    [Description("Per-record field holding the reviewer's label, when it differs from the label field.")]
    public string? ReviewLabel { get; set; }

    [Description("Per-record field with the labeller's confidence, 0 to 1.")]
    public string? Confidence { get; set; }

    [Description("Dollars per label, overriding the gate's cost table for this dataset.")]
    public double? UnitCost { get; set; }

    [Description("Debiasing method for behavioural labels (for example inverse-propensity), required to use them as labels.")]
    public string? Debiasing { get; set; }

    [Description("Golden dataset whose expert labels are the only reference for the label-drift test (AG3009) " +
        "of these LLM labels. When omitted, every golden set that shares at least half of the label values " +
        "is compared.")]
    public string? DriftReference { get; set; }
}
