using AnnotationGate.Core.Text;

namespace AnnotationGate.Core.Tests.Text;

public sealed class WordCounterTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("   \n\t ", 0)]
    [InlineData("hello", 1)]
    [InlineData("Hello, world!", 2)]
    [InlineData("The quick brown fox jumps over the lazy dog.", 9)]
    [InlineData("one\ntwo\r\nthree\tfour", 4)]
    [InlineData("...wait... what?!", 2)]
    public void English_counts_runs_between_separators(string text, int expected)
    {
        WordCounter.Count(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("don't", 1)]
    [InlineData("It’s the dog's bone", 4)]
    [InlineData("'quoted' words", 2)]
    [InlineData("rock 'n' roll", 3)]
    public void Apostrophes_inside_words_join(string text, int expected)
    {
        WordCounter.Count(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("well-known", 2)]
    [InlineData("state-of-the-art model", 5)]
    [InlineData("a - b", 2)]
    [InlineData("snake_case_name", 1)]
    public void Hyphens_separate_and_underscores_join(string text, int expected)
    {
        WordCounter.Count(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("3.14", 1)]
    [InlineData("1,000,000 users", 2)]
    [InlineData("end.Start", 2)]
    [InlineData("v2 is 2x", 3)]
    public void Digit_separators_join_only_between_digits(string text, int expected)
    {
        WordCounter.Count(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("I ❤️ you 👍🏽", 2)]
    [InlineData("$ 100 %", 1)]
    [InlineData("\u0301 alone", 1)]
    public void Symbols_and_emoji_are_not_words(string text, int expected)
    {
        WordCounter.Count(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("这是一个没有空格的中文句子", 13)]
    [InlineData("日本語のテキストです。", 10)]
    [InlineData("2024年に", 3)]
    [InlineData("ガ", 1)]
    [InlineData("カ\u3099", 1)]
    [InlineData("安녕하세요", 5)]
    [InlineData("Hello世界", 3)]
    [InlineData("안녕하세요 세계", 7)]
    public void Cjk_characters_are_words_each(string text, int expected)
    {
        WordCounter.Count(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("สวัสดีครับ", 7)]
    [InlineData("ภาษา ไทย", 7)]
    public void Thai_counts_grapheme_clusters(string text, int expected)
    {
        WordCounter.Count(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("café", 1)]
    [InlineData("cafe\u0301 au lait", 3)]
    [InlineData("Привет, мир", 2)]
    [InlineData("مرحبا بالعالم", 2)]
    public void Accents_and_other_alphabets_count_runs(string text, int expected)
    {
        WordCounter.Count(text).ShouldBe(expected);
    }
}
