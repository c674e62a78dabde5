using System.Text.Json.Serialization;
using AnnotationGate.Core.Configuration;

namespace AnnotationGate.Core.Regression;

/// <summary>Which p-value of the exact McNemar test decides an accuracy change.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<McNemarVariant>))]
public enum McNemarVariant
{
    /// <summary>Two-sided exact binomial test on the discordant pairs (conservative). The default.</summary>
    Exact,

    /// <summary>Two-sided mid-p: the exact p-value minus the probability of the observed split.</summary>
    MidP,
}

/// <summary>Settings of a comparison against a baseline.</summary>
public sealed record RegressionOptions
{
    /// <summary>Largest drop (absolute, 0 to 1) accepted without failing. Default 0.02.</summary>
    public double Tolerance { get; init; } = 0.02;

    /// <summary>Significance level, after Holm's adjustment across every comparison. Default 0.05.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Bootstrap resamples for metrics other than accuracy. Default 10,000.</summary>
    public int Resamples { get; init; } = 10_000;

    /// <summary>Seed of the bootstrap; each comparison derives its own stream from it. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Power at which the minimum detectable drop is computed. Default 0.8.</summary>
    public double Power { get; init; } = 0.8;

    /// <summary>Flipped item ids named in findings and tables; the report keeps all. Default 10.</summary>
    public int FlippedItemsShown { get; init; } = 10;

    /// <summary>McNemar p-value that decides accuracy changes. Default <see cref="McNemarVariant.Exact"/>.</summary>
    public McNemarVariant McNemar { get; init; } = McNemarVariant.Exact;

    /// <summary>Confidence level of the intervals: 1 − <see cref="Alpha"/>.</summary>
    public double Confidence => 1 - Alpha;

    /// <summary>Builds options from the gate file's regression section (defaults when absent) and seed.</summary>
    public static RegressionOptions From(RegressionConfig? config, int seed)
    {
        var settings = config ?? new RegressionConfig();
        return new RegressionOptions
        {
            Tolerance = settings.Tolerance,
            Alpha = settings.Alpha,
            Resamples = settings.Resamples,
            Seed = seed,
        };
    }
}
