using System.Globalization;
using System.Text.Json;
using AnnotationGate.Core.Statistics.Agreement;

namespace AnnotationGate.Core.Tests.Statistics.Agreement;

public sealed class FleissKappaTests
{
    private const string Name = "wikipedia_10x5_14raters";

    [Fact]
    public void Fleiss_reference_table_matches()
    {
        var entry = ReferenceValues.Entry("fleiss_kappa", Name);

        var kappa = FleissKappa.Compute(Table(entry));

        kappa.Value.ShouldMatch(entry, "kappa");
        ((double?)kappa.ObservedAgreement).ShouldMatch(entry, "P_bar");
        kappa.ExpectedAgreement.ShouldMatch(entry, "P_e");
        kappa.Units.ShouldBe(10);
    }

    [Fact]
    public void Fleiss_reference_as_ratings_matches()
    {
        var entry = ReferenceValues.Entry("fleiss_kappa", Name);
        var matrix = RatingMatrix.FromRatings(Ratings(entry), ["1", "2", "3", "4", "5"]);

        var kappa = FleissKappa.Compute(matrix);

        kappa.Value.ShouldMatch(entry, "kappa");
        kappa.ExpectedAgreement.ShouldMatch(entry, "P_e");
    }

    [Fact]
    public void FreeMarginal_reference_table_matches()
    {
        var entry = ReferenceValues.Entry("fleiss_kappa", Name);

        var kappa = FleissKappa.ComputeFreeMarginal(Table(entry));

        kappa.Value.ShouldMatch(entry, "randolph_kappa");
        kappa.ExpectedAgreement.ShouldBe(0.2);
    }

    [Fact]
    public void Fleiss_identical_ratings_is_undefined()
    {
        int[][] table = [[3, 0], [3, 0], [3, 0]];

        var kappa = FleissKappa.Compute(table);

        kappa.IsDefined.ShouldBeFalse();
        kappa.ObservedAgreement.ShouldBe(1);
        kappa.Units.ShouldBe(3);
        kappa.UndefinedReason.ShouldNotBeNull().ShouldContain("same value");
    }

    [Fact]
    public void Fleiss_single_item_is_undefined()
    {
        int[][] table = [[2, 1], [1, 0]];

        var kappa = FleissKappa.Compute(table);

        kappa.IsDefined.ShouldBeFalse();
        kappa.Units.ShouldBe(1);
        kappa.ObservedAgreement.ShouldBe(1.0 / 3, 1e-12);
        kappa.UndefinedReason.ShouldNotBeNull().ShouldContain("Only one item");
    }

    [Fact]
    public void Fleiss_empty_table_is_undefined()
    {
        var kappa = FleissKappa.Compute(Array.Empty<int[]>());

        kappa.IsDefined.ShouldBeFalse();
        kappa.Units.ShouldBe(0);
    }

    [Fact]
    public void Fleiss_unequal_counts_use_per_item_n()
    {
        // Item 1: 3 ratings (2 a, 1 b), P = 2/6. Item 2: 2 ratings (both b), P = 1. Item 3: one rating, ignored.
        int[][] table = [[2, 1], [0, 2], [1, 0]];

        var kappa = FleissKappa.Compute(table);

        var observed = ((2.0 / 6) + 1) / 2;
        var expected = Math.Pow(2.0 / 5, 2) + Math.Pow(3.0 / 5, 2);
        kappa.Units.ShouldBe(2);
        kappa.ObservedAgreement.ShouldBe(observed, 1e-12);
        kappa.ExpectedAgreement!.Value.ShouldBe(expected, 1e-12);
        kappa.Value!.Value.ShouldBe((observed - expected) / (1 - expected), 1e-12);
    }

    [Fact]
    public void Fleiss_negative_count_throws()
    {
        int[][] table = [[2, -1]];

        Should.Throw<ArgumentException>(() => FleissKappa.Compute(table)).Message.ShouldContain("negative");
    }

    [Fact]
    public void PercentAgreement_reference_equals_p_bar()
    {
        var entry = ReferenceValues.Entry("fleiss_kappa", Name);
        var matrix = RatingMatrix.FromRatings(Ratings(entry));

        var agreement = PercentAgreement.Compute(matrix);

        agreement.Value.ShouldMatch(entry, "P_bar");
        agreement.ExpectedAgreement.ShouldBeNull();
    }

    [Fact]
    public void PercentAgreement_single_item_is_defined()
    {
        var matrix = RatingMatrix.FromRatings([new("a", "x", "1"), new("a", "y", "1"), new("a", "z", "2")]);

        var agreement = PercentAgreement.Compute(matrix);

        agreement.Value!.Value.ShouldBe(1.0 / 3, 1e-12);
        agreement.Units.ShouldBe(1);
    }

    [Fact]
    public void PercentAgreement_without_pairs_is_undefined()
    {
        var matrix = RatingMatrix.FromRatings([new("a", "x", "1"), new("b", "y", "1")]);

        var agreement = PercentAgreement.Compute(matrix);

        agreement.IsDefined.ShouldBeFalse();
        agreement.UndefinedReason.ShouldNotBeNull();
    }

    private static int[][] Table(JsonElement entry) =>
        entry.GetProperty("table").EnumerateArray()
            .Select(row => row.EnumerateArray().Select(cell => cell.GetInt32()).ToArray())
            .ToArray();

    // Expands the counts table into one rating per rater: subject i, rater r, category j + 1.
    private static IEnumerable<Rating> Ratings(JsonElement entry)
    {
        var table = Table(entry);
        for (var i = 0; i < table.Length; i++)
        {
            var rater = 0;
            for (var j = 0; j < table[i].Length; j++)
            {
                for (var n = 0; n < table[i][j]; n++)
                {
                    var label = (j + 1).ToString(CultureInfo.InvariantCulture);
                    yield return new Rating($"s{i}", $"r{rater++}", label);
                }
            }
        }
    }
}
