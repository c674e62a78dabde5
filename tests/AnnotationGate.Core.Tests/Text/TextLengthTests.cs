using System.Text.Json;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Text;

namespace AnnotationGate.Core.Tests.Text;

public sealed class TextLengthTests
{
    [Fact]
    public void Cjk_sentence_counts_each_ideograph()
    {
        var text = CaseOutput("CJK sentence lengths");

        TextLength.CodePoints(text).ShouldBe(13);
        TextLength.Utf16(text).ShouldBe(13);
        TextLength.Utf8Bytes(text).ShouldBe(39);
        TextLength.Graphemes(text).ShouldBe(13);
        TextLength.Words(text).ShouldBe(13);
    }

    [Fact]
    public void Skin_tone_emoji_is_one_grapheme()
    {
        var text = CaseOutput("skin-tone emoji lengths");

        TextLength.CodePoints(text).ShouldBe(2);
        TextLength.Utf16(text).ShouldBe(4);
        TextLength.Utf8Bytes(text).ShouldBe(8);
        TextLength.Graphemes(text).ShouldBe(1);
    }

    [Fact]
    public void Family_emoji_is_one_grapheme()
    {
        var text = CaseOutput("family emoji lengths");

        TextLength.CodePoints(text).ShouldBe(5);
        TextLength.Utf16(text).ShouldBe(8);
        TextLength.Utf8Bytes(text).ShouldBe(18);
        TextLength.Graphemes(text).ShouldBe(1);
    }

    [Fact]
    public void Combining_accent_joins_its_letter()
    {
        var text = CaseOutput("combining accent lengths");

        TextLength.CodePoints(text).ShouldBe(2);
        TextLength.Graphemes(text).ShouldBe(1);
        TextLength.Words(text).ShouldBe(1);
    }

    [Theory]
    [InlineData("a\r\nb")]
    [InlineData("\r\n\r\n")]
    [InlineData("cafe\u0301s")]
    [InlineData("ok 👍🏽 👨‍👩‍👧!")]
    [InlineData("\u1100\u1161\u11A8 x")]
    [InlineData("🇫🇷🇩🇪")]
    [InlineData("a\uD800")]
    public void Graphemes_agree_with_string_info(string text)
    {
        var expected = new System.Globalization.StringInfo(text).LengthInTextElements;

        TextLength.Graphemes(text).ShouldBe(expected);
    }

    [Fact]
    public void Lone_surrogate_counts_once()
    {
        var text = "a\uD800b";

        TextLength.CodePoints(text).ShouldBe(3);
        TextLength.Utf16(text).ShouldBe(3);
        TextLength.Utf8Bytes(text).ShouldBe(5);
    }

    [Fact]
    public void Empty_text_measures_zero()
    {
        foreach (var unit in Enum.GetValues<LengthUnit>())
        {
            TokenizerCatalog.TryGet(TokenizerCatalog.O200kBase, out var tokenizer);

            TextLength.Measure("", unit, tokenizer).ShouldBe(0, unit.ToString());
        }
    }

    [Theory]
    [InlineData("cl100k_base", "hello world", 2)]
    [InlineData("cl100k_base", "Hello, world!", 4)]
    [InlineData("cl100k_base", "The quick brown fox jumps over the lazy dog.", 10)]
    [InlineData("cl100k_base", "这是一个没有空格的中文句子", 12)]
    [InlineData("cl100k_base", "👨‍👩‍👧", 13)]
    [InlineData("o200k_base", "hello world", 2)]
    [InlineData("o200k_base", "Hello, world!", 4)]
    [InlineData("o200k_base", "The quick brown fox jumps over the lazy dog.", 10)]
    [InlineData("o200k_base", "这是一个没有空格的中文句子", 9)]
    [InlineData("o200k_base", "👨‍👩‍👧", 8)]
    public void Tokens_match_pinned_counts(string encoding, string text, int expected)
    {
        TokenizerCatalog.TryGet(encoding, out var tokenizer).ShouldBeTrue();

        var count = TextLength.Tokens(text, tokenizer);

        count.ShouldBe(expected);
    }

    [Fact]
    public void Tokenizer_instances_are_cached()
    {
        TokenizerCatalog.TryGet(TokenizerCatalog.Cl100kBase, out var first);
        TokenizerCatalog.TryGet(TokenizerCatalog.Cl100kBase, out var second);

        second.ShouldBeSameAs(first);
    }

    [Fact]
    public void Unknown_tokenizer_is_not_found()
    {
        TokenizerCatalog.TryGet("p50k_base", out _).ShouldBeFalse();
    }

    private static string CaseOutput(string name)
    {
        var path = SharedData.PathOf("..", "cases", "reference-free.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var match = document.RootElement.GetProperty("cases").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == name);
        return match.GetProperty("output").GetString()!;
    }
}
