namespace AnnotationGate.Embeddings.Tests;

public sealed class TfidfEmbedderTests
{
    [Fact]
    public void Tfidf_scores_shared_words_higher()
    {
        string[] texts = ["reset my password now", "Reset my password, now!", "the weather is sunny", "my cat sleeps"];

        var vectors = new TfidfEmbedder().Embed(texts, null, CancellationToken.None);

        vectors.ShouldAllBe(v => v.Length == vectors[0].Length);
        vectors[0].Length.ShouldBeInRange(9, TfidfEmbedder.DefaultMaxNgrams);
        Pooling.Cosine(vectors[0], vectors[1]).ShouldBe(1.0, 1e-6);
        Pooling.Cosine(vectors[0], vectors[2]).ShouldBe(0.0, 1e-6);
        Pooling.Cosine(vectors[0], vectors[3]).ShouldBeInRange(0.01, 0.5);
    }
}

public sealed class TfidfSmallSetTests
{
    [Fact]
    public void Two_reordered_texts_compare_as_equal()
    {
        string[] texts = ["reset your password in settings", "in settings, reset your password"];

        var vectors = new TfidfEmbedder().Embed(texts, null, CancellationToken.None);

        Pooling.Cosine(vectors[0], vectors[1]).ShouldBe(1.0, 1e-6);
    }

    [Fact]
    public void Word_in_every_text_still_counts()
    {
        string[] texts = ["refund approved today", "refund denied today", "refund approved"];

        var vectors = new TfidfEmbedder().Embed(texts, null, CancellationToken.None);

        Pooling.Cosine(vectors[0], vectors[1]).ShouldBeGreaterThan(0.2);
    }

    [Theory]
    [InlineData("open settings\nclick reset")]
    [InlineData("open settings\tclick reset")]
    [InlineData("open settings\u00A0click reset")]
    [InlineData("open  settings \r\n click reset")]
    public void Any_whitespace_separates_words(string text)
    {
        var vectors = new TfidfEmbedder().Embed([text, "open settings click reset"], null, CancellationToken.None);

        Pooling.Cosine(vectors[0], vectors[1]).ShouldBe(1.0, 1e-6);
    }

    [Theory]
    [InlineData("ありがとうございます", "ありがとうございました")]
    [InlineData("ฉันต้องการคืนเงิน", "ฉันต้องการคืนเงินค่ะ")]
    public void Unspaced_scripts_share_characters(string a, string b)
    {
        var vectors = new TfidfEmbedder().Embed([a, b, "refund"], null, CancellationToken.None);

        Pooling.Cosine(vectors[0], vectors[1]).ShouldBeGreaterThan(0.5);
    }

    [Fact]
    public void Chinese_sentences_share_ideographs()
    {
        var vectors = new TfidfEmbedder().Embed(["我忘记了密码", "我忘了密码", "今天天气很好"], null, CancellationToken.None);

        Pooling.Cosine(vectors[0], vectors[1]).ShouldBeGreaterThan(0.5);
        Pooling.Cosine(vectors[0], vectors[2]).ShouldBe(0.0, 1e-6);
    }
}
