using AnnotationGate.Embeddings.Onnx;

namespace AnnotationGate.Embeddings.Tests;

[Collection(EmbedderCollection.Name)]
public sealed class MiniLmEmbedderTests(EmbedderFixture fixture)
{
    private static readonly string[] Sentences =
    [
        "How do I reset my password?",
        "I forgot my login, how do I change it?",
        "The weather in Lisbon is sunny today.",
        "Line one of the reply.\nLine two\tends here.",
        "Naïve café owners in 東京 charge $5 for List<int>.",
    ];

    [Fact]
    public void MlNet_vectors_match_raw_session()
    {
        using var raw = new OnnxSessionEmbedder(fixture.CacheDirectory, batchSize: 3, sortByLength: true);

        var viaMlNet = fixture.Embedder.Embed(Sentences, null, CancellationToken.None);
        var viaSession = raw.Embed(Sentences, null, CancellationToken.None);

        for (var i = 0; i < Sentences.Length; i++)
        {
            Pooling.Cosine(viaMlNet[i], viaSession[i]).ShouldBeGreaterThanOrEqualTo(0.99999, Sentences[i]);
        }
    }

    [Fact]
    public void Embed_returns_unit_vectors_in_order()
    {
        var vectors = fixture.Embedder.Embed(Sentences, null, CancellationToken.None);
        var reversed = fixture.Embedder.Embed([.. Sentences.Reverse()], null, CancellationToken.None);

        vectors.Count.ShouldBe(Sentences.Length);
        vectors.ShouldAllBe(v => v.Length == 384);
        vectors.ShouldAllBe(v => Math.Abs(Pooling.Cosine(v, v) - 1) < 1e-6 && Math.Abs(v.Sum(x => (double)x * x) - 1) < 1e-4);
        Pooling.Cosine(vectors[0], reversed[^1]).ShouldBeGreaterThan(0.999999);
    }

    [Fact]
    public void Paraphrases_score_above_unrelated_text()
    {
        var vectors = fixture.Embedder.Embed(Sentences, null, CancellationToken.None);

        var paraphrase = Pooling.Cosine(vectors[0], vectors[1]);
        var unrelated = Pooling.Cosine(vectors[0], vectors[2]);

        paraphrase.ShouldBeGreaterThan(0.5);
        unrelated.ShouldBeLessThan(0.2);
    }

    [Fact]
    public void Newline_separates_words_in_embedding()
    {
        var vectors = fixture.Embedder.Embed(["hello\nworld", "hello world", "helloworld"], null, CancellationToken.None);

        Pooling.Cosine(vectors[0], vectors[1]).ShouldBeGreaterThan(0.999999);
        Pooling.Cosine(vectors[0], vectors[2]).ShouldBeLessThan(0.99);
    }

    [Fact]
    public void Embed_reports_progress_up_to_count()
    {
        var reported = new List<int>();
        var progress = new SynchronousProgress(reported.Add);

        fixture.Embedder.Embed(Sentences, progress, CancellationToken.None);

        reported.ShouldNotBeEmpty();
        reported[^1].ShouldBe(Sentences.Length);
    }

    [Fact]
    public void Long_text_is_counted_as_truncated()
    {
        var text = string.Join(" ", Enumerable.Repeat("password", 400));
        var before = fixture.Embedder.TruncatedTexts;

        fixture.Embedder.Embed([text, "short"], null, CancellationToken.None);

        fixture.Embedder.IsTruncated(text).ShouldBeTrue();
        fixture.Embedder.IsTruncated("short").ShouldBeFalse();
        (fixture.Embedder.TruncatedTexts - before).ShouldBe(1);
    }

    [Fact]
    public void Model_files_stay_in_cache_folder()
    {
        var files = fixture.Embedder.Files;

        files.FlatInputModelPath.ShouldStartWith(fixture.CacheDirectory);
        new FileInfo(files.FlatInputModelPath).Length.ShouldBeGreaterThan(90_000_000);
        Directory.GetFiles(files.Directory, "*.partial").ShouldBeEmpty();
        Directory.GetFiles(Path.GetTempPath(), "*.onnx").ShouldBeEmpty();
    }

    [Fact]
    public void Onnx_runtime_writes_no_telemetry()
    {
        fixture.Embedder.Embed(["telemetry probe"], null, CancellationToken.None);

        NativeEnvironment.GetNative("ORT_DISABLE_TELEMETRY").ShouldBe("1");
        NativeEnvironment.GetNative("HOME").ShouldBe(fixture.Home);
        Directory.Exists(Path.Combine(fixture.Home, ".cache", "Microsoft", "DeveloperTools")).ShouldBeFalse();
        Directory.EnumerateFileSystemEntries(fixture.Home, "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }
}

/// <summary>Calls the action on the reporting thread, unlike <see cref="Progress{T}"/>.</summary>
internal sealed class SynchronousProgress(Action<int> action) : IProgress<int>
{
    public void Report(int value) => action(value);
}
