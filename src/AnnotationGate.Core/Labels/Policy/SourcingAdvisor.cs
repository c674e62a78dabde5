using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Labels.Policy;

/// <summary>
/// Recommends a label source from what a dataset is for and its declared task. Golden sets go to
/// experts; monitoring to behavioural signals; objective format checks to a rule or schema;
/// perceptual or subjective tasks to a crowd, for the diversity of its votes; high-complexity or
/// high-quality tasks to experts up to the expert volume limit; everything else to LLM labels
/// with a human review sample.
/// </summary>
public static class SourcingAdvisor
{
    public const string Title = "Sourcing advice";

    /// <summary>A recommendation and why.</summary>
    public sealed record Advice(LabelSource Source, string Recommended, string Reason);

    /// <summary>
    /// Returns the recommended source for <paramref name="dataset"/>; <paramref name="volume"/> is its
    /// label count, used when the task declares no volume.
    /// </summary>
    public static Advice Recommend(DatasetConfig dataset, long volume, PolicyConfig policy)
    {
        var task = dataset.Task;
        var volumeNeeded = task?.Volume ?? volume;
        var review = $"llm, review 1 in {Math.Round(1 / Math.Max(policy.MinReviewShare, 1e-9)):0}";
        if (dataset.Purpose == DatasetPurpose.Golden)
        {
            return new(LabelSource.Expert, "expert",
                "Golden sets are the reference every other source is scored against.");
        }

        // An evaluation reference set must not be LLM-labelled (AG3001), whatever its task declares.
        if (dataset.Purpose == DatasetPurpose.Evaluation)
        {
            return new(LabelSource.Expert, "expert",
                "Evaluation sets grade the model, so their labels must not come from a model.");
        }

        if (dataset.Purpose == DatasetPurpose.Monitoring)
        {
            return new(LabelSource.Behavioral, "behavioral", "Behavioural signals are cheap and fit monitoring.");
        }

        var demanding = task is { Complexity: TaskLevel.High } or { Quality: TaskLevel.High };
        return task switch
        {
            { Kind: TaskKind.Objective } =>
                new(LabelSource.Rule, "rule", "An objective format check is done exactly by a rule or schema."),
            { Kind: TaskKind.Perceptual or TaskKind.Subjective } =>
                new(LabelSource.Crowd, "crowd", "Perceptual or subjective tasks need the spread of many voters."),
            _ when demanding && volumeNeeded <= policy.ExpertVolumeLimit =>
                new(LabelSource.Expert, "expert",
                    $"High complexity or quality at {volumeNeeded} labels is within the expert volume limit."),
            _ when demanding =>
                new(LabelSource.Llm, review,
                    $"{volumeNeeded} labels exceed the expert volume limit, so use LLM labels with a larger " +
                    "review sample."),
            _ => new(LabelSource.Llm, review,
                "Medium tasks are labelled well and cheaply by an LLM with human review."),
        };
    }

    /// <summary>Builds the report table from (dataset, purpose, task, declared, advice) rows.</summary>
    public static ResultTable Table(IEnumerable<IReadOnlyList<string>> rows) =>
        new(Title, ["dataset", "purpose", "task", "declared source", "recommended", "why"], [.. rows])
        {
            Note = "A notice (AG3012) is raised when a dataset declares a task and its declared source differs.",
        };
}
