using System.Globalization;
using AnnotationGate.Core.Labels.Aggregation;
using AnnotationGate.Core.Statistics.Agreement;

namespace AnnotationGate.Core.Tests.Labels.Aggregation;

public sealed class DawidSkeneTests
{
    [Fact]
    public void DawidSkene_flags_constant_and_random_spammers()
    {
        var matrix = RatingMatrix.FromRatings(SyntheticCrowd(items: 200));

        var result = DawidSkene.Fit(matrix);

        result.Spammers.Select(a => a.Annotator).Order(StringComparer.Ordinal).ShouldBe(["always-yes", "coin"]);
        Annotator(result, "always-yes").SpammerScore.ShouldBeLessThan(0.001);
        Annotator(result, "coin").SpammerScore.ShouldBeLessThan(0.05);
        Annotator(result, "expert").SpammerScore.ShouldBeGreaterThan(0.9);
        Annotator(result, "expert").Accuracy.ShouldBeGreaterThan(0.99);
        Annotator(result, "always-yes").Accuracy.ShouldBe(0.5, 0.01);
    }

    [Fact]
    public void DawidSkene_recovers_truth_despite_spammers()
    {
        var ratings = SyntheticCrowd(items: 200);
        var matrix = RatingMatrix.FromRatings(ratings);

        var result = DawidSkene.Fit(matrix);

        result.Converged.ShouldBeTrue();
        result.Items.Count(item => item.Label != Truth(item.Item)).ShouldBe(0);
        result.ClassPriors.Sum().ShouldBe(1.0, 1e-9);
        result.ClassPriors[0].ShouldBe(0.5, 0.01);
    }

    [Fact]
    public void DawidSkene_confusion_rows_are_distributions()
    {
        var matrix = RatingMatrix.FromRatings(SyntheticCrowd(items: 50));

        var result = DawidSkene.Fit(matrix);

        foreach (var annotator in result.Annotators)
        {
            annotator.ConfusionMatrix.Count.ShouldBe(2);
            annotator.ConfusionMatrix.ShouldAllBe(row => Math.Abs(row.Sum() - 1) < 1e-9);
        }

        result.Items.ShouldAllBe(item => Math.Abs(item.Probabilities.Sum() - 1) < 1e-9);
    }

    [Fact]
    public void DawidSkene_tie_goes_to_first_category()
    {
        var matrix = RatingMatrix.FromRatings(
        [
            new Rating("i1", "a", "y"), new Rating("i1", "b", "x"),
            new Rating("i2", "a", "x"), new Rating("i2", "b", "y"),
        ]);

        var result = DawidSkene.Fit(matrix);

        result.Items.Select(item => item.Label).ShouldBe(["x", "x"]);
        result.Items[0].Probabilities[0].ShouldBe(0.5, 1e-12);
    }

    [Fact]
    public void DawidSkene_input_order_does_not_change_labels()
    {
        var ratings = SyntheticCrowd(items: 100);
        var shuffled = ratings.OrderBy(_ => 0).ToList();
        new Random(7).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(shuffled));

        var first = DawidSkene.Fit(RatingMatrix.FromRatings(ratings));
        var second = DawidSkene.Fit(RatingMatrix.FromRatings(shuffled));

        var secondByItem = second.Items.ToDictionary(item => item.Item);
        foreach (var item in first.Items)
        {
            secondByItem[item.Item].Label.ShouldBe(item.Label);
            secondByItem[item.Item].Probabilities[0].ShouldBe(item.Probabilities[0], 1e-9);
        }
    }

    [Fact]
    public void DawidSkene_stops_at_iteration_limit()
    {
        var matrix = RatingMatrix.FromRatings(SyntheticCrowd(items: 50));

        var result = DawidSkene.Fit(matrix, new DawidSkeneOptions { MaxIterations = 1, Tolerance = 0 });

        result.Iterations.ShouldBe(1);
        result.Converged.ShouldBeFalse();
    }

    [Fact]
    public void DawidSkene_few_ratings_are_never_spammers()
    {
        var ratings = SyntheticCrowd(items: 200).Append(new Rating("item0", "newcomer", "no"));
        var matrix = RatingMatrix.FromRatings(ratings);

        var result = DawidSkene.Fit(matrix);

        Annotator(result, "newcomer").Ratings.ShouldBe(1);
        Annotator(result, "newcomer").IsSpammer.ShouldBeFalse();
    }

    [Fact]
    public void DawidSkene_unused_category_keeps_spammer_flags()
    {
        var matrix = RatingMatrix.FromRatings(SyntheticCrowd(items: 200), ["yes", "no", "unsure"]);

        var result = DawidSkene.Fit(matrix);

        result.Spammers.Select(a => a.Annotator).Order(StringComparer.Ordinal).ShouldBe(["always-yes", "coin"]);
        result.ClassPriors[2].ShouldBeLessThan(0.001);
    }

    [Fact]
    public void DawidSkene_single_label_flags_nobody()
    {
        var ratings = Enumerable.Range(0, 20)
            .SelectMany(i => new[] { new Rating($"item{i}", "a", "yes"), new Rating($"item{i}", "b", "yes") });

        var result = DawidSkene.Fit(RatingMatrix.FromRatings(ratings));

        result.Spammers.ShouldBeEmpty();
        result.Items.ShouldAllBe(item => item.Label == "yes");
    }

    [Fact]
    public void DawidSkene_invalid_options_throw()
    {
        var matrix = RatingMatrix.FromRatings(SyntheticCrowd(items: 5));

        Should.Throw<ArgumentOutOfRangeException>(() => Fit(matrix, new() { MaxIterations = 0 }));
        Should.Throw<ArgumentOutOfRangeException>(() => Fit(matrix, new() { Smoothing = -1 }));
        Should.Throw<ArgumentOutOfRangeException>(() => Fit(matrix, new() { Tolerance = double.NaN }));
    }

    [Fact]
    public void SpammerScore_binary_equals_youden_squared()
    {
        double[][] confusion = [[0.8, 0.2], [0.3, 0.7]];

        var score = SpammerScore.Compute(confusion);

        score.ShouldBe(Math.Pow(0.8 + 0.7 - 1, 2), 1e-12);
    }

    [Fact]
    public void SpammerScore_perfect_annotator_is_one()
    {
        double[][] confusion = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];

        SpammerScore.Compute(confusion).ShouldBe(1.0, 1e-12);
    }

    private static AnnotatorEstimate Annotator(DawidSkeneResult result, string id) =>
        result.Annotators.Single(a => a.Annotator == id);

    private static DawidSkeneResult Fit(RatingMatrix matrix, DawidSkeneOptions options) =>
        DawidSkene.Fit(matrix, options);

    private static string Truth(string item) =>
        int.Parse(item[4..], CultureInfo.InvariantCulture) % 2 == 0 ? "yes" : "no";

    // Three good annotators (one perfect, two 85 % right), one who always labels "yes" and one who flips a coin.
    private static List<Rating> SyntheticCrowd(int items)
    {
        var random = new Random(42);
        var ratings = new List<Rating>();
        for (var i = 0; i < items; i++)
        {
            var item = $"item{i}";
            var truth = Truth(item);
            var wrong = truth == "yes" ? "no" : "yes";
            ratings.Add(new Rating(item, "expert", truth));
            ratings.Add(new Rating(item, "good1", random.NextDouble() < 0.85 ? truth : wrong));
            ratings.Add(new Rating(item, "good2", random.NextDouble() < 0.85 ? truth : wrong));
            ratings.Add(new Rating(item, "always-yes", "yes"));
            ratings.Add(new Rating(item, "coin", random.NextDouble() < 0.5 ? "yes" : "no"));
        }

        return ratings;
    }
}
