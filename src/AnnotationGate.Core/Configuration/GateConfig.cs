using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using AnnotationGate.Core.Findings;

namespace AnnotationGate.Core.Configuration;

/// <summary>
/// A gate file (<c>eval-configs/NAME.gate.yml</c>): the datasets, the checks to run on them, rule
/// severities and the baseline. Keys are kebab-case in YAML and JSON.
/// </summary>
[Description("AnnotationGate gate file, version 1.")]
public sealed class GateConfig
{
    /// <summary>Gate file format version; this tool reads version 1.</summary>
    [Required]
    [Range(1, 1)]
    [Description("Gate file format version. This tool reads version 1.")]
    public int Version { get; set; }

    [Description("Name of the gate, shown in reports. Defaults to the file name.")]
    public string? Name { get; set; }

    [Description("What the gate protects, in a sentence.")]
    public string? Description { get; set; }

    [Description("The model under test.")]
    public ModelConfig? Model { get; set; }

    [Required]
    [Description("Datasets by name: model outputs, golden sets, training labels, crowd votes, logs.")]
    public Dictionary<string, DatasetConfig> Datasets { get; set; } = [];

    [Description("Checks to run, in order.")]
    public List<CheckConfig> Checks { get; set; } = [];

    [Description("Severity per rule code (error, warning, notice, off), like analyzer severities in .editorconfig.")]
    public Dictionary<string, Severity> Rules { get; set; } = [];

    [Description("Path of the baseline file with the last accepted result, relative to the gate file.")]
    public string? Baseline { get; set; }

    [Description("How a change against the baseline is judged.")]
    public RegressionConfig? Regression { get; set; }

    [Description("Unit costs per label source, in dollars.")]
    public CostConfig? Costs { get; set; }

    [Description("Seed for every random choice (bootstrap resamples, tie breaks, paraphrases). Default 42.")]
    public int Seed { get; set; } = 42;

    [Description("Maximum findings kept in detail per rule code; the rest are counted. Default 1000.")]
    [Range(1, 1_000_000)]
    public int MaxFindingsPerRule { get; set; } = 1000;
}

/// <summary>The model whose outputs the gate checks.</summary>
public sealed class ModelConfig
{
    [Description("Model name or id, such as gpt-4o-mini-2024-07-18.")]
    public string? Name { get; set; }

    [Description("Model family, such as gpt, claude, gemini or llama. Derived from the name when omitted.")]
    public string? Family { get; set; }
}

/// <summary>How a regression against the baseline is decided.</summary>
public sealed class RegressionConfig
{
    [Description("Largest drop (absolute, 0 to 1) that is accepted without failing. Default 0.02.")]
    [Range(0.0, 1.0)]
    public double Tolerance { get; set; } = 0.02;

    [Description("Significance level of the regression tests. Default 0.05.")]
    [Range(0.0, 1.0)]
    public double Alpha { get; set; } = 0.05;

    [Description("Bootstrap resamples for non-additive metrics such as F1. Default 10000.")]
    [Range(100, 1_000_000)]
    public int Resamples { get; set; } = 10_000;
}

/// <summary>Unit costs in dollars per label, per source.</summary>
public sealed class CostConfig
{
    [Description("Dollars per expert label. Default 1.00.")]
    public double Expert { get; set; } = 1.00;

    [Description("Dollars per crowd vote. Default 0.003.")]
    public double Crowd { get; set; } = 0.003;

    [Description("Dollars per LLM label. Default 0.003.")]
    public double Llm { get; set; } = 0.003;

    [Description("Dollars per behavioural signal. Default 0.")]
    public double Behavioral { get; set; }

    [Description("Dollars per rule-made label. Default 0.")]
    public double Rule { get; set; }
}
