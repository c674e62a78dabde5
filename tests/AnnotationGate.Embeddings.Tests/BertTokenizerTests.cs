using AnnotationGate.Embeddings.Tokenization;

namespace AnnotationGate.Embeddings.Tests;

[Collection(EmbedderCollection.Name)]
public sealed class BertTokenizerTests(EmbedderFixture fixture)
{
    private BertTokenizer Tokenizer => fixture.Embedder.Tokenizer;

    [Theory]
    [InlineData("hello\nworld")]
    [InlineData("hello\tworld")]
    [InlineData("hello\r\nworld")]
    [InlineData("hello\u00A0world")]
    [InlineData("hello\u2028world")]
    [InlineData("hello\u3000world")]
    [InlineData("  hello   world  ")]
    public void Whitespace_of_any_kind_separates_words(string text)
    {
        var ids = Tokenizer.WordPieceIds(text).ToArray();

        ids.ShouldBe([7592, 2088]);
    }

    [Fact]
    public void Accents_are_stripped_after_lower_casing()
    {
        var ids = Tokenizer.WordPieceIds("Naïve CAFÉ").ToArray();

        Tokenizer.Tokenize("Naïve CAFÉ").ShouldBe(["naive", "cafe"]);
        ids.ShouldBe([15743, 7668]);
    }

    [Fact]
    public void Cjk_ideographs_are_split_one_by_one()
    {
        // The vocabulary has no entry for 爱, so it alone becomes [UNK].
        var tokens = Tokenizer.Tokenize("我爱北京");

        tokens.ShouldBe(["我", "[UNK]", "北", "京"]);
        Tokenizer.WordPieceIds("我爱北京").ShouldBe([1855, 100, 1781, 1755]);
    }

    [Fact]
    public void Ascii_symbols_are_kept_as_punctuation()
    {
        var tokens = Tokenizer.Tokenize("List<int> a+b=c $5 x|y ~z ^w `q`");

        tokens.ShouldBe(["list", "<", "int", ">", "a", "+", "b", "=", "c", "$", "5", "x", "|", "y", "~", "z", "^", "w", "`", "q", "`"]);
    }

    [Fact]
    public void Unknown_symbols_map_to_unk()
    {
        var ids = Tokenizer.WordPieceIds("ok 🙂 ☃").ToArray();

        ids.ShouldBe([7929, 100, 100]);
    }

    [Fact]
    public void Words_split_into_word_pieces()
    {
        var tokens = Tokenizer.Tokenize("Tokenization unaffable");

        // Greedy longest match takes ##ffa before ##ble, as the reference WordPiece does.
        tokens.ShouldBe(["token", "##ization", "una", "##ffa", "##ble"]);
        Tokenizer.WordPieceIds("Tokenization unaffable").ShouldBe([19204, 3989, 14477, 20961, 3468]);
    }

    [Fact]
    public void Control_characters_are_removed()
    {
        var tokens = Tokenizer.Tokenize("ab\u0000c\u200Bd\uFFFDe");

        tokens.ShouldBe(Tokenizer.Tokenize("abcde"));
    }

    [Fact]
    public void Word_over_100_characters_is_unk()
    {
        var ids = Tokenizer.WordPieceIds(new string('a', 101)).ToArray();

        ids.ShouldBe([100]);
    }

    [Fact]
    public void Encode_adds_special_tokens()
    {
        var encoded = Tokenizer.Encode("hello world", MiniLmEmbedder.MaxTokens);

        encoded.Ids.ShouldBe([101L, 7592, 2088, 102]);
        encoded.Truncated.ShouldBeFalse();
    }

    [Fact]
    public void Encode_long_text_is_truncated_to_limit()
    {
        var text = string.Join(" ", Enumerable.Repeat("hello", 300));

        var encoded = Tokenizer.Encode(text, MiniLmEmbedder.MaxTokens);

        encoded.Ids.Length.ShouldBe(256);
        encoded.Ids[^1].ShouldBe(102L);
        encoded.Truncated.ShouldBeTrue();
    }
}
