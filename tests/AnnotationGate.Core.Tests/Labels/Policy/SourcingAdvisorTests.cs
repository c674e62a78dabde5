using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Labels.Policy;

namespace AnnotationGate.Core.Tests.Labels.Policy;

public sealed class SourcingAdvisorTests
{
    private static readonly PolicyConfig Policy = new();

    [Theory]
    [InlineData(DatasetPurpose.Golden, TaskKind.Judgement, TaskLevel.Medium, 100, LabelSource.Expert)]
    [InlineData(DatasetPurpose.Monitoring, TaskKind.Judgement, TaskLevel.Medium, 100, LabelSource.Behavioral)]
    [InlineData(DatasetPurpose.Training, TaskKind.Objective, TaskLevel.Low, 100, LabelSource.Rule)]
    [InlineData(DatasetPurpose.Training, TaskKind.Subjective, TaskLevel.Medium, 100, LabelSource.Crowd)]
    [InlineData(DatasetPurpose.Training, TaskKind.Perceptual, TaskLevel.High, 100, LabelSource.Crowd)]
    [InlineData(DatasetPurpose.Training, TaskKind.Judgement, TaskLevel.High, 2000, LabelSource.Expert)]
    [InlineData(DatasetPurpose.Training, TaskKind.Judgement, TaskLevel.High, 50_000, LabelSource.Llm)]
    [InlineData(DatasetPurpose.Training, TaskKind.Judgement, TaskLevel.Medium, 100, LabelSource.Llm)]
    public void Advisor_recommends_by_purpose_and_task(
        DatasetPurpose purpose, TaskKind kind, TaskLevel complexity, long volume, LabelSource expected)
    {
        var task = new TaskConfig { Kind = kind, Complexity = complexity };
        var dataset = new DatasetConfig { Purpose = purpose, Task = task };

        var advice = SourcingAdvisor.Recommend(dataset, volume, Policy);

        advice.Source.ShouldBe(expected);
    }

    [Fact]
    public void Llm_advice_names_the_review_ratio()
    {
        var advice = SourcingAdvisor.Recommend(new DatasetConfig(), 100, Policy);

        advice.Recommended.ShouldBe("llm, review 1 in 50");
    }
}
