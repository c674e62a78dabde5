using AnnotationGate.Core.Labels.Aggregation;
using AnnotationGate.Core.Statistics.Agreement;
using AnnotationGate.Core.Tests.Statistics.Agreement;

namespace AnnotationGate.Core.Tests.Labels.Aggregation;

public sealed class MajorityVoteTests
{
    [Fact]
    public void MajorityVote_tie_keeps_every_tied_label()
    {
        var votes = new[] { ("t1", "yes"), ("t1", "no"), ("t2", "no"), ("t2", "no"), ("t2", "yes") };

        var result = MajorityVote.Aggregate(votes, new Random(3));

        result[0].IsTie.ShouldBeTrue();
        result[0].TiedLabels.ShouldBe(["no", "yes"]);
        result[0].TiedLabels.ShouldContain(result[0].Label);
        result[1].Label.ShouldBe("no");
        result[1].Votes.ShouldBe(3);
    }

    [Fact]
    public void MajorityVote_same_seed_same_winners()
    {
        var votes = Enumerable.Range(0, 50).SelectMany(i => new[] { ($"t{i}", "a"), ($"t{i}", "b") }).ToList();

        var first = MajorityVote.Aggregate(votes, new Random(9)).Select(v => v.Label).ToList();
        var second = MajorityVote.Aggregate(votes, new Random(9)).Select(v => v.Label).ToList();

        second.ShouldBe(first);
        first.Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public void MajorityVote_matrix_compares_numbers_by_value()
    {
        var matrix = RatingMatrix.FromRatings(
            [new("t1", "a", "1"), new("t1", "b", "1.0"), new("t1", "c", "2"), new("t2", "a", "2")]);

        var result = MajorityVote.Aggregate(matrix, new Random(1));

        result[0].Item.ShouldBe("t1");
        result[0].Label.ShouldBe("1");
        result[0].IsTie.ShouldBeFalse();
        result[0].Votes.ShouldBe(3);
        result[1].Label.ShouldBe("2");
    }

    [Fact]
    public void ExpectedAccuracy_tie_scores_one_over_k()
    {
        var votes = MajorityVote.Aggregate([("t1", "yes"), ("t1", "no"), ("t2", "no"), ("t3", "yes")], new Random(1));
        var gold = new Dictionary<string, string> { ["t1"] = "yes", ["t2"] = "yes", ["t3"] = "yes" };

        var accuracy = MajorityVote.ExpectedAccuracy(votes, gold);

        accuracy.ShouldBe((0.5 + 0 + 1) / 3);
    }

    [Fact]
    public void ExpectedAccuracy_without_gold_is_null()
    {
        var votes = MajorityVote.Aggregate([("t1", "yes")], new Random(1));

        MajorityVote.ExpectedAccuracy(votes, new Dictionary<string, string>()).ShouldBeNull();
    }

    [Fact]
    public void AnnotatorAccuracy_crowd_toy_matches_reference()
    {
        var entry = ReferenceValues.Entry("krippendorff_alpha", "crowdkit_toy_5workers_5tasks");
        var ratings = KrippendorffAlphaTests.LongForm(entry).ToList();
        // The reference breaks the t1 tie by label order, which is TiedLabels[0].
        var aggregates = MajorityVote.Aggregate(ratings.Select(r => (r.Item, r.Label)), new Random(1))
            .ToDictionary(v => v.Item, v => v.TiedLabels[0]);

        var accuracy = AnnotatorAccuracy.Compute(ratings, aggregates);

        var expected = entry.GetProperty("expected");
        accuracy.Overall!.Value.ShouldBe(expected.GetProperty("accuracy_on_MV_aggregates_mean").GetDouble(), 1e-12);
        foreach (var worker in expected.GetProperty("accuracy_on_MV_aggregates_per_worker").EnumerateObject())
        {
            accuracy.PerAnnotator[worker.Name].ShouldBe(worker.Value.GetDouble(), 1e-12);
        }
    }

    [Fact]
    public void AnnotatorAccuracy_partial_gold_matches_reference()
    {
        var entry = ReferenceValues.Entry("krippendorff_alpha", "crowdkit_toy_5workers_5tasks");
        var ratings = KrippendorffAlphaTests.LongForm(entry);
        var gold = new Dictionary<string, string> { ["t1"] = "yes", ["t2"] = "yes" };

        var accuracy = AnnotatorAccuracy.Compute(ratings, gold);

        var expected = ReferenceValues.Expected(entry, "gold_accuracy_with_gold_t1_yes_t2_yes");
        accuracy.Overall!.Value.ShouldBe(expected, 1e-12);
        accuracy.Compared.ShouldBe(9);
    }

    [Fact]
    public void AnnotatorAccuracy_without_reference_is_null()
    {
        var accuracy = AnnotatorAccuracy.Compute([new Rating("t1", "w1", "yes")], new Dictionary<string, string>());

        accuracy.Overall.ShouldBeNull();
        accuracy.PerAnnotator.ShouldBeEmpty();
    }
}
