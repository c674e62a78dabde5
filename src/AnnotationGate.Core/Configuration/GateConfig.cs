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

    [Description("Label-source policy: thresholds of the AG3xxx rules and the cost ledger's overheads.")]
    public PolicyConfig? Policy { get; set; }

    [Description("Model families to add to the built-in table: family name to model-name prefixes, " +
        "such as acme: [acme-, ac2-].")]
    public Dictionary<string, List<string>> ModelFamilies { get; set; } = [];

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

/// <summary>Thresholds of the label-source policy rules (AG3xxx) and the cost ledger's overheads.</summary>
public sealed class PolicyConfig
{
    [Description("Smallest share of LLM labels a human must review. Default 0.02 (1 in 50).")]
    [Range(0.0, 1.0)]
    public double MinReviewShare { get; set; } = 0.02;

    [Description("Smallest agreement of the reviewed LLM labels with their reviewers. Default 0.8.")]
    [Range(0.0, 1.0)]
    public double MinReviewAgreement { get; set; } = 0.8;

    [Description("Fewest crowd votes per item. Default 3.")]
    [Range(1, 1000)]
    public int MinCrowdVotes { get; set; } = 3;

    [Description("Smallest Krippendorff's alpha (nominal) of crowd votes. Default 0.4.")]
    [Range(-1.0, 1.0)]
    public double MinCrowdAgreement { get; set; } = 0.4;

    [Description("Fewest items in a golden set. Default 200.")]
    [Range(1, 100_000_000)]
    public int GoldenMinSize { get; set; } = 200;

    [Description("Largest half-width of the 95% Wilson interval around a golden threshold. Default 0.05.")]
    [Range(0.001, 0.5)]
    public double GoldenMargin { get; set; } = 0.05;

    [Description("Jaccard similarity at which a training text is a near duplicate of a golden text. Default 0.8.")]
    [Range(0.0, 1.0)]
    public double LeakageJaccard { get; set; } = 0.8;

    [Description("Characters per shingle for near-duplicate search. Default 5.")]
    [Range(1, 64)]
    public int LeakageShingleSize { get; set; } = 5;

    [Description("Confidence at or above which a label counts as overconfident. Default 0.95.")]
    [Range(0.0, 1.0)]
    public double OverconfidenceThreshold { get; set; } = 0.95;

    [Description("Largest share of human disagreements that the LLM labelled with overconfidence. Default 0.2.")]
    [Range(0.0, 1.0)]
    public double MaxOverconfidentShare { get; set; } = 0.2;

    [Description("Largest expected calibration error of LLM confidences on reviewed items. Default 0.1.")]
    [Range(0.0, 1.0)]
    public double MaxCalibrationError { get; set; } = 0.1;

    [Description("Significance level of the label drift test. Default 0.01.")]
    [Range(0.0, 1.0)]
    public double DriftAlpha { get; set; } = 0.01;

    [Description("Share of crowd work spent on pilot rounds, added to crowd cost. Default 0.1.")]
    [Range(0.0, 10.0)]
    public double PilotShare { get; set; } = 0.1;

    [Description("Share of crowd votes discarded by spam filtering, paid for but not used. Default 0.15.")]
    [Range(0.0, 0.99)]
    public double SpamShare { get; set; } = 0.15;

    [Description("Most labels an expert team can deliver for a high-complexity task. Default 5000.")]
    [Range(1, int.MaxValue)]
    public long ExpertVolumeLimit { get; set; } = 5000;
}
