using AnnotationGate.Core.Statistics.Agreement;

namespace AnnotationGate.Core.Tests.Statistics.Agreement;

public sealed class RatingMatrixTests
{
    [Fact]
    public void RatingMatrix_groups_ratings_by_item()
    {
        var matrix = RatingMatrix.FromRatings(
        [
            new("i1", "a", "yes"), new("i2", "a", "no"), new("i1", "b", "no"), new("i2", "c", "no"),
        ]);

        matrix.Items.ShouldBe(["i1", "i2"]);
        matrix.Annotators.ShouldBe(["a", "b", "c"]);
        matrix.Categories.ShouldBe(["no", "yes"]);
        matrix.RatingCount.ShouldBe(4);
        matrix.AnnotatorsOf(0).ToArray().ShouldBe([0, 1]);
        matrix.CategoriesOf(0).ToArray().ShouldBe([1, 0]);
        matrix.CountOf(1).ShouldBe(2);
        matrix.NumericValues.ShouldBeNull();
    }

    [Fact]
    public void RatingMatrix_numbers_compare_by_value()
    {
        var matrix = RatingMatrix.FromRatings(
            [new("i1", "a", "10"), new("i1", "b", "1.0"), new("i1", "c", "1"), new("i1", "d", "2")]);

        matrix.Categories.ShouldBe(["1.0", "2", "10"]);
        matrix.NumericValues.ShouldBe([1.0, 2.0, 10.0]);
        matrix.CategoriesOf(0).ToArray().ShouldBe([2, 0, 0, 1]);
        matrix.IndexOfCategory("1").ShouldBe(0);
        matrix.IndexOfCategory("3").ShouldBe(-1);
    }

    [Fact]
    public void RatingMatrix_explicit_order_keeps_unused_labels()
    {
        var matrix = RatingMatrix.FromRatings([new("i1", "a", "mid")], ["low", "mid", "high"]);

        matrix.Categories.ShouldBe(["low", "mid", "high"]);
        matrix.CategoriesOf(0).ToArray().ShouldBe([1]);
    }

    [Fact]
    public void RatingMatrix_label_outside_order_throws()
    {
        var error = Should.Throw<ArgumentException>(
            () => RatingMatrix.FromRatings([new("i1", "a", "huge")], ["low", "high"]));

        error.Message.ShouldContain("\"huge\" is not in the category order");
    }

    [Fact]
    public void RatingMatrix_counts_duplicate_ratings()
    {
        var matrix = RatingMatrix.FromRatings([new("i1", "a", "x"), new("i1", "a", "y"), new("i1", "b", "x")]);

        matrix.DuplicateRatings.ShouldBe(1);
        matrix.RatingCount.ShouldBe(3);
    }

    [Fact]
    public void RatingMatrix_empty_input_has_no_items()
    {
        var matrix = RatingMatrix.FromRatings([]);

        matrix.Items.ShouldBeEmpty();
        matrix.Categories.ShouldBeEmpty();
        KrippendorffAlpha.Compute(matrix).IsDefined.ShouldBeFalse();
    }
}
