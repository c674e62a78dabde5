using System.Globalization;
using System.Text.Json;
using AnnotationGate.Core.Statistics.Agreement;

namespace AnnotationGate.Core.Tests.Statistics.Agreement;

public sealed class KrippendorffAlphaTests
{
    private const string Section = "krippendorff_alpha";

    [Theory]
    [InlineData(KrippendorffMetric.Nominal, "nominal")]
    [InlineData(KrippendorffMetric.Interval, "interval")]
    [InlineData(KrippendorffMetric.Ordinal, "ordinal_self")]
    [InlineData(KrippendorffMetric.Ratio, "ratio_self")]
    public void Alpha_reference_with_missing_data_matches(KrippendorffMetric metric, string key)
    {
        var entry = ReferenceValues.Entry(Section, "wikipedia_3coders_15units_missing");
        var matrix = RatingMatrix.FromRatings(CoderRows(entry));

        var alpha = KrippendorffAlpha.Compute(matrix, metric);

        alpha.Value.ShouldMatch(entry, key);
        alpha.Units.ShouldBe(12);
    }

    [Fact]
    public void Alpha_crowd_toy_long_form_matches()
    {
        var entry = ReferenceValues.Entry(Section, "crowdkit_toy_5workers_5tasks");
        var matrix = RatingMatrix.FromRatings(LongForm(entry));

        var alpha = KrippendorffAlpha.Compute(matrix);

        alpha.Value.ShouldMatch(entry, "nominal");
    }

    [Fact]
    public void Alpha_single_rated_items_are_ignored()
    {
        var entry = ReferenceValues.Entry(Section, "wikipedia_3coders_15units_missing");
        var baseline = KrippendorffAlpha.Compute(RatingMatrix.FromRatings(CoderRows(entry)));
        var extra = CoderRows(entry).Append(new Rating("lonely", "c1", "2")).Append(new Rating("u1", "c9", "1"));

        var alpha = KrippendorffAlpha.Compute(RatingMatrix.FromRatings(extra));

        alpha.Units.ShouldBe(baseline.Units + 1);
        alpha.Value.ShouldNotBe(baseline.Value);
        KrippendorffAlpha.Compute(RatingMatrix.FromRatings(CoderRows(entry).Append(new Rating("lonely", "c1", "2"))))
            .Value.ShouldBe(baseline.Value);
    }

    [Fact]
    public void Alpha_identical_ratings_is_undefined()
    {
        var matrix = Matrix(("a", "x", "yes"), ("a", "y", "yes"), ("b", "x", "yes"), ("b", "y", "yes"));

        var alpha = KrippendorffAlpha.Compute(matrix);

        alpha.IsDefined.ShouldBeFalse();
        alpha.Value.ShouldBeNull();
        alpha.ObservedAgreement.ShouldBe(1);
        alpha.Units.ShouldBe(2);
        alpha.UndefinedReason.ShouldNotBeNull().ShouldContain("same value");
    }

    [Fact]
    public void Alpha_single_pairable_unit_is_undefined()
    {
        var matrix = Matrix(("a", "x", "1"), ("a", "y", "2"), ("a", "z", "2"), ("b", "x", "1"));

        var alpha = KrippendorffAlpha.Compute(matrix, KrippendorffMetric.Interval);

        alpha.IsDefined.ShouldBeFalse();
        alpha.Units.ShouldBe(1);
        alpha.ObservedAgreement.ShouldBe(1.0 / 3, 1e-12);
        alpha.UndefinedReason.ShouldNotBeNull().ShouldContain("Only one item");
    }

    [Fact]
    public void Alpha_without_pairs_is_undefined()
    {
        var matrix = Matrix(("a", "x", "yes"), ("b", "y", "no"));

        var alpha = KrippendorffAlpha.Compute(matrix);

        alpha.IsDefined.ShouldBeFalse();
        alpha.Units.ShouldBe(0);
        alpha.UndefinedReason.ShouldNotBeNull().ShouldContain("No item");
    }

    [Fact]
    public void Alpha_perfect_agreement_is_one()
    {
        var matrix = Matrix(("a", "x", "yes"), ("a", "y", "yes"), ("b", "x", "no"), ("b", "y", "no"));

        var alpha = KrippendorffAlpha.Compute(matrix);

        alpha.Value.ShouldBe(1.0);
        alpha.ObservedAgreement.ShouldBe(1.0);
    }

    [Fact]
    public void Alpha_interval_on_text_labels_throws()
    {
        var matrix = Matrix(("a", "x", "low"), ("a", "y", "high"), ("b", "x", "low"), ("b", "y", "low"));

        var error = Should.Throw<ArgumentException>(
            () => KrippendorffAlpha.Compute(matrix, KrippendorffMetric.Interval));

        error.Message.ShouldContain("\"high\" is not a number");
    }

    [Fact]
    public void Alpha_ratio_on_negative_values_throws()
    {
        var matrix = Matrix(("a", "x", "-1"), ("a", "y", "2"), ("b", "x", "1"), ("b", "y", "2"));

        var error = Should.Throw<ArgumentException>(
            () => KrippendorffAlpha.Compute(matrix, KrippendorffMetric.Ratio));

        error.Message.ShouldContain("\"-1\" is negative");
    }

    [Fact]
    public void Alpha_ordinal_follows_explicit_order()
    {
        var ratings = new[]
        {
            new Rating("a", "x", "low"), new Rating("a", "y", "mid"),
            new Rating("b", "x", "high"), new Rating("b", "y", "high"),
            new Rating("c", "x", "low"), new Rating("c", "y", "low"),
        };
        var ordered = RatingMatrix.FromRatings(ratings, ["low", "mid", "high"]);
        var numeric = RatingMatrix.FromRatings(ratings.Select(r => r with { Label = Rank(r.Label) }));

        var alpha = KrippendorffAlpha.Compute(ordered, KrippendorffMetric.Ordinal);

        alpha.Value.ShouldNotBeNull();
        alpha.Value.Value.ShouldBe(KrippendorffAlpha.Compute(numeric, KrippendorffMetric.Ordinal).Value!.Value, 1e-12);
    }

    internal static IEnumerable<Rating> CoderRows(JsonElement entry)
    {
        var coder = 0;
        foreach (var row in entry.GetProperty("coders").EnumerateArray())
        {
            coder++;
            var unit = 0;
            foreach (var cell in row.EnumerateArray())
            {
                unit++;
                if (cell.ValueKind != JsonValueKind.Null)
                {
                    yield return new Rating($"u{unit}", $"c{coder}", cell.GetRawText());
                }
            }
        }
    }

    internal static IEnumerable<Rating> LongForm(JsonElement entry) =>
        entry.GetProperty("long_format").EnumerateArray()
            .Select(row => new Rating(row[1].GetString()!, row[0].GetString()!, row[2].GetString()!))
            .ToList();

    private static string Rank(string label) =>
        (label switch { "low" => 1, "mid" => 2, _ => 3 }).ToString(CultureInfo.InvariantCulture);

    private static RatingMatrix Matrix(params (string Item, string Annotator, string Label)[] ratings) =>
        RatingMatrix.FromRatings(ratings.Select(r => new Rating(r.Item, r.Annotator, r.Label)));
}
