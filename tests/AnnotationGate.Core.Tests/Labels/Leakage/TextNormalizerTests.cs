using AnnotationGate.Core.Labels.Leakage;

namespace AnnotationGate.Core.Tests.Labels.Leakage;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Hello World", "hello world")]
    [InlineData("ＨＥＬＬＯ　Ｗｏｒｌｄ", "hello world")]
    [InlineData("Hello, world! (test)", "hello world test")]
    [InlineData("don't stop", "dont stop")]
    [InlineData("  a\t\n b  \r\n", "a b")]
    [InlineData("a - b", "a b")]
    [InlineData("$5 + 3 = 8", "$5 + 3 = 8")]
    [InlineData("\u201CHi\u201D\u2014there\u2026", "hithere")]
    [InlineData("zero\u200Bwidth", "zerowidth")]
    [InlineData("\uFB01ne \u2460", "fine 1")]
    [InlineData("ÉCOLE Cafe\u0301", "école café")]
    [InlineData("!!! ...", "")]
    public void Normalize_case_form_punctuation_space(string text, string expected)
    {
        TextNormalizer.Normalize(text).ShouldBe(expected);
    }

    [Fact]
    public void Normalize_decomposed_equals_composed()
    {
        TextNormalizer.Normalize("Cafe\u0301").ShouldBe(TextNormalizer.Normalize("Café"));
    }

    [Fact]
    public void Normalize_lone_surrogate_is_replaced()
    {
        TextNormalizer.Normalize("ab\uD800 c").ShouldBe("ab\uFFFD c");
    }
}
