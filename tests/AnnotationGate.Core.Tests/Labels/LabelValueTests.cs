using AnnotationGate.Core.Labels;

namespace AnnotationGate.Core.Tests.Labels;

public sealed class LabelValueTests
{
    [Theory]
    [InlineData("1", "1")]
    [InlineData("1.0", "1")]
    [InlineData(" 1 ", "1")]
    [InlineData("1e0", "1")]
    [InlineData("-0.0", "0")]
    [InlineData("0.50", "0.5")]
    [InlineData(" yes ", "yes")]
    [InlineData("Yes", "Yes")]
    [InlineData("NaN", "NaN")]
    public void Normalize_label_gives_canonical_text(string raw, string expected)
    {
        var label = LabelValue.Normalize(raw);

        label.ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Normalize_blank_is_no_label(string? raw)
    {
        LabelValue.Normalize(raw).ShouldBeNull();
    }

    [Fact]
    public void Order_numbers_sorts_numerically()
    {
        var order = LabelValue.Order(["10", "2", "1"]);

        order.ShouldBe(["1", "2", "10"]);
    }

    [Fact]
    public void Order_text_sorts_ordinally()
    {
        var order = LabelValue.Order(["b", "B", "a", "10", "a"]);

        order.ShouldBe(["10", "B", "a", "b"]);
    }
}
