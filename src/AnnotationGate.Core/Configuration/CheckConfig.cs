using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using AnnotationGate.Core.Findings;

namespace AnnotationGate.Core.Configuration;

/// <summary>
/// One entry of <c>checks:</c>. The <c>type</c> key selects the subclass; keys that a type does not
/// define are invalid.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(JsonSchemaCheckConfig), CheckTypes.JsonSchema)]
[JsonDerivedType(typeof(LengthCheckConfig), CheckTypes.Length)]
[JsonDerivedType(typeof(RequiredFieldsCheckConfig), CheckTypes.RequiredFields)]
[JsonDerivedType(typeof(PatternCheckConfig), CheckTypes.Pattern)]
[JsonDerivedType(typeof(GoldenCheckConfig), CheckTypes.Golden)]
[JsonDerivedType(typeof(LabelSourcesCheckConfig), CheckTypes.LabelSources)]
[JsonDerivedType(typeof(ParaphraseCheckConfig), CheckTypes.ParaphraseConsistency)]
public abstract class CheckConfig
{
    /// <summary>Value of the <c>type</c> key.</summary>
    [JsonIgnore]
    public string Type => TypeName;

    /// <summary>Value of the <c>type</c> key, supplied by each subclass.</summary>
    protected abstract string TypeName { get; }

    [Description("Name of the check in reports. Defaults to TYPE-N, N being its position from 1.")]
    public string? Id { get; set; }

    [Required]
    [Description("Name of the dataset the check reads.")]
    public string Dataset { get; set; } = "";

    [Description("Severity of this check's findings, overriding the rule defaults.")]
    public Severity? Severity { get; set; }

    [Description("What the check guards against, in a sentence.")]
    public string? Description { get; set; }
}

/// <summary>Values of the <c>type</c> key of a check.</summary>
public static class CheckTypes
{
    public const string JsonSchema = "json-schema";
    public const string Length = "length";
    public const string RequiredFields = "required-fields";
    public const string Pattern = "pattern";
    public const string Golden = "golden";
    public const string LabelSources = "label-sources";
    public const string ParaphraseConsistency = "paraphrase-consistency";
}

/// <summary>How JSON is found in an output field.</summary>
public enum JsonExtraction
{
    /// <summary>The whole output is one JSON value (surrounding whitespace allowed).</summary>
    Strict,

    /// <summary>The whole trimmed output is one fenced block, <c>```json</c> or a bare fence.</summary>
    Fenced,

    /// <summary>Exactly one JSON object or array somewhere inside the text.</summary>
    Embedded,
}

/// <summary>Validates outputs against a JSON Schema (draft-07 or 2020-12).</summary>
public sealed class JsonSchemaCheckConfig : CheckConfig
{
    protected override string TypeName => CheckTypes.JsonSchema;

    [Description("Field path of the output. Omit to validate the whole record.")]
    public string? Field { get; set; }

    [Description("How JSON is found in a text output: strict (default), fenced or embedded. Ignored when the field already holds JSON.")]
    public JsonExtraction Json { get; set; } = JsonExtraction.Strict;

    [Description("Path of the JSON Schema every output must match, relative to the gate file.")]
    public string? Schema { get; set; }

    [Description("Path of a JSON Schema no output may match (for example, one that requires an ssn field).")]
    public string? ForbiddenSchema { get; set; }
}

/// <summary>Unit in which a length is measured.</summary>
public enum LengthUnit
{
    /// <summary>User-perceived characters (extended grapheme clusters).</summary>
    Graphemes,
    CodePoints,
    Utf16,
    Utf8Bytes,

    /// <summary>Words: runs of letters, digits and joiners between separators; each CJK ideograph, kana or hangul syllable counts as one word.</summary>
    Words,
    Tokens,
}

/// <summary>Bounds the length of a text field.</summary>
public sealed class LengthCheckConfig : CheckConfig
{
    protected override string TypeName => CheckTypes.Length;

    [Required]
    [Description("Field path of the text to measure.")]
    public string Field { get; set; } = "";

    [Required]
    [Description("Unit: graphemes, code-points, utf16, utf8-bytes, words or tokens.")]
    public LengthUnit Unit { get; set; }

    [Description("Minimum length, inclusive.")]
    [Range(0, int.MaxValue)]
    public long? Min { get; set; }

    [Description("Maximum length, inclusive.")]
    [Range(0, int.MaxValue)]
    public long? Max { get; set; }

    [Description("Tokenizer for unit tokens: cl100k_base or o200k_base.")]
    public string? Tokenizer { get; set; }
}

/// <summary>Requires fields to be present and, unless allowed, non-empty.</summary>
public sealed class RequiredFieldsCheckConfig : CheckConfig
{
    protected override string TypeName => CheckTypes.RequiredFields;

    [Required]
    [MinLength(1)]
    [Description("Field paths that every record must have.")]
    public List<string> Fields { get; set; } = [];

    [Description("Accept null, empty strings, empty arrays and empty objects. Default false.")]
    public bool AllowEmpty { get; set; }
}

/// <summary>Regular expressions that an output must or must not match.</summary>
public sealed class PatternCheckConfig : CheckConfig
{
    protected override string TypeName => CheckTypes.Pattern;

    [Required]
    [Description("Field path of the text to match.")]
    public string Field { get; set; } = "";

    [Description(".NET regular expressions the text must match (each of them).")]
    public List<string> MustMatch { get; set; } = [];

    [Description(".NET regular expressions the text must not match (any of them fails).")]
    public List<string> MustNotMatch { get; set; } = [];

    [Description("Match without regard to case. Default false.")]
    public bool IgnoreCase { get; set; }
}

/// <summary>Evaluates predictions against an expert golden set joined by id.</summary>
public sealed class GoldenCheckConfig : CheckConfig
{
    protected override string TypeName => CheckTypes.Golden;

    [Required]
    [Description("Name of the golden dataset (its labels.field holds the expert label).")]
    public string Golden { get; set; } = "";

    [Required]
    [Description("Field path of the predicted label in the check's dataset.")]
    public string Prediction { get; set; } = "";

    [Description("Minimum value per metric: accuracy, macro-f1, micro-f1, or precision:CLASS, recall:CLASS, f1:CLASS.")]
    public Dictionary<string, double> Thresholds { get; set; } = [];

    [Description("Field of the golden set to slice metrics by, such as language.")]
    public List<string> Slices { get; set; } = [];
}

/// <summary>Scores label sources (single labels or crowd votes) against the golden set.</summary>
public sealed class LabelSourcesCheckConfig : CheckConfig
{
    protected override string TypeName => CheckTypes.LabelSources;

    // The check's dataset is the golden set.

    [Description("Datasets to score. Defaults to every dataset with labels other than the golden one.")]
    public List<string> Sources { get; set; } = [];

    [Description("Minimum accuracy of each source against the golden labels.")]
    [Range(0.0, 1.0)]
    public double? MinAccuracy { get; set; }

    [Description("Minimum Cohen's kappa of each source against the golden labels.")]
    [Range(-1.0, 1.0)]
    public double? MinKappa { get; set; }
}

/// <summary>How the outputs of one paraphrase group are compared.</summary>
public enum ParaphraseComparison
{
    /// <summary>Cosine similarity of sentence embeddings, for free text.</summary>
    Embedding,

    /// <summary>Equal strings, for class labels.</summary>
    Exact,

    /// <summary>Equal values at each configured field, for JSON outputs.</summary>
    Fields,
}

/// <summary>Requires a model to return the same output for paraphrases of one input.</summary>
public sealed class ParaphraseCheckConfig : CheckConfig
{
    protected override string TypeName => CheckTypes.ParaphraseConsistency;

    [Description("Field path naming the paraphrase group of a record. Give this or input-id.")]
    public string? Group { get; set; }

    [Description("Field path of the original input's id; records sharing it form a group. Give this or group.")]
    public string? InputId { get; set; }

    [Description("Field path of the variant index within an input-id group (0 for the original); used to name records in reports.")]
    public string? Variant { get; set; }

    [Required]
    [Description("Field path of the output to compare.")]
    public string Field { get; set; } = "";

    [Description("How outputs are compared: embedding (default), exact or fields.")]
    public ParaphraseComparison Compare { get; set; } = ParaphraseComparison.Embedding;

    [Description("Field paths inside a JSON output compared one by one when compare is fields.")]
    public List<string> Fields { get; set; } = [];

    [Description("Compare exact and fields values without regard to case and surrounding whitespace. Default false.")]
    public bool IgnoreCase { get; set; }

    [Description("Embedding model for compare: embedding: minilm (default, all-MiniLM-L6-v2) or tfidf (lexical fallback).")]
    public string? Model { get; set; }

    /// <summary>The model in force: <see cref="Model"/>, or minilm when it is not set.</summary>
    [JsonIgnore]
    public string ModelName => Model ?? "minilm";

    [Description("Minimum similarity of every pair in a group. Defaults to 0.80 for embedding and 1.0 (all equal) for exact and fields.")]
    [Range(0.0, 1.0)]
    public double? MinSimilarity { get; set; }

    [Description("Largest share of inconsistent groups (0 to 1) that still passes. Default 0.05.")]
    [Range(0.0, 1.0)]
    public double MaxInconsistentGroups { get; set; } = 0.05;
}
