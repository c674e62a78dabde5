using System.Diagnostics;
using System.Globalization;
using AnnotationGate.Core.Labels.Aggregation;
using Xunit.Abstractions;

namespace AnnotationGate.Core.Tests.Labels.Aggregation;

// Published accuracies of majority vote (ties at random, expected value) and Dawid–Skene on
// real crowd data with expert gold labels.
public sealed class CrowdAggregationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("RTE", 0.897)]
    [InlineData("TEMP", 0.936)]
    [InlineData("Product", 0.897)]
    public void MajorityVote_real_crowd_accuracy_matches(string dataSet, double published)
    {
        var data = CrowdDataSets.ByName(dataSet);

        var votes = MajorityVote.Aggregate(data.Ratings.Select(r => (r.Item, r.Label)), new Random(1));
        var accuracy = MajorityVote.ExpectedAccuracy(votes, data.Gold);

        output.WriteLine($"{dataSet} majority vote {Format(accuracy!.Value)} (published {Format(published)})");
        accuracy.Value.ShouldBe(published, 0.0005);
    }

    [Theory]
    [InlineData("RTE", 0.928)]
    [InlineData("Product", 0.940)]
    public void DawidSkene_real_crowd_accuracy_matches(string dataSet, double published)
    {
        var data = CrowdDataSets.ByName(dataSet);
        var matrix = data.Matrix;
        var clock = Stopwatch.StartNew();

        var result = DawidSkene.Fit(matrix);
        var accuracy = result.Items.Average(item => item.Label == data.Gold[item.Item] ? 1.0 : 0.0);

        output.WriteLine(
            $"{dataSet} Dawid-Skene {Format(accuracy)} (published {Format(published)}), "
            + $"{result.Iterations} iterations, converged {result.Converged}, "
            + $"{result.Spammers.Count()} spammers of {result.Annotators.Count}, {clock.ElapsedMilliseconds} ms");
        accuracy.ShouldBe(published, 0.01);
    }

    [Theory]
    [InlineData("RTE", 15)]
    [InlineData("TEMP", 12)]
    public void DawidSkene_spammers_are_near_chance_on_gold(string dataSet, int expectedSpammers)
    {
        var data = CrowdDataSets.ByName(dataSet);
        var gold = AnnotatorAccuracy.Compute(data.Ratings, data.Gold);

        var result = DawidSkene.Fit(data.Matrix);

        var spammers = result.Annotators.Where(a => a.IsSpammer).ToList();
        var others = result.Annotators.Where(a => !a.IsSpammer && a.Ratings >= 10).ToList();
        output.WriteLine(
            $"{dataSet} spammers {spammers.Count}: gold accuracy {Format(PooledGoldAccuracy(spammers, gold))}, "
            + $"others {Format(PooledGoldAccuracy(others, gold))}");
        spammers.Count.ShouldBe(expectedSpammers);
        PooledGoldAccuracy(spammers, gold).ShouldBeLessThan(0.6);
        PooledGoldAccuracy(others, gold).ShouldBeGreaterThan(0.85);
    }

    private static double PooledGoldAccuracy(IReadOnlyList<AnnotatorEstimate> annotators, AnnotatorAccuracy gold) =>
        annotators.Sum(a => gold.PerAnnotator[a.Annotator] * a.Ratings) / annotators.Sum(a => a.Ratings);

    private static string Format(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
