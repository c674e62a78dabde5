using AnnotationGate.Embeddings.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace AnnotationGate.Embeddings.Tests;

[Collection(EmbedderCollection.Name)]
public sealed class FlatInputModelTests(EmbedderFixture fixture)
{
    [Fact]
    public void Rewritten_model_takes_flat_inputs_and_shape()
    {
        using var session = new InferenceSession(fixture.Embedder.Files.FlatInputModelPath);

        session.InputMetadata.Keys.Order(StringComparer.Ordinal).ShouldBe(
            ["batch_shape", "flat_attention_mask", "flat_input_ids", "flat_token_type_ids"]);
        session.InputMetadata["flat_input_ids"].Dimensions.ShouldBe([1, -1]);
        session.InputMetadata["batch_shape"].Dimensions.ShouldBe([2]);
        session.OutputMetadata.Keys.ShouldContain("last_hidden_state");
    }

    [Fact]
    public void Written_model_has_expected_hash()
    {
        fixture.Embedder.Files.FlatInputModelIsIntact().ShouldBeTrue();
    }

    [Fact]
    public void Damaged_copy_that_loads_is_replaced()
    {
        var cache = Directory.CreateTempSubdirectory("ag-flat-hash-").FullName;
        try
        {
            var files = MiniLmFiles.Ensure(cache);
            using (var stream = new FileStream(files.FlatInputModelPath, FileMode.Open))
            {
                stream.Position = 50_000_000;
                stream.Write(Enumerable.Range(0, 16384).Select(i => (byte)i).ToArray());
            }

            files.FlatInputModelIsIntact().ShouldBeFalse();
            MiniLmFiles.Ensure(cache).FlatInputModelIsIntact().ShouldBeTrue();
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Fact]
    public void Rewrite_rejects_model_without_named_input()
    {
        var model = File.ReadAllBytes(fixture.Embedder.Files.EnsureOriginalModel());

        var error = Should.Throw<InvalidDataException>(() => FlatInputModel.Rewrite(model, ["input_ids", "pixel_values"]));

        error.Message.ShouldBe("The ONNX model has no input named 'pixel_values'.");
    }

    [Fact]
    public void Rewrite_rejects_truncated_bytes()
    {
        var model = File.ReadAllBytes(fixture.Embedder.Files.VocabularyPath);

        Should.Throw<InvalidDataException>(() => FlatInputModel.Rewrite(model, MiniLmFiles.ModelInputs))
            .Message.ShouldStartWith("The ONNX model ");
    }

    [Fact]
    public void Batches_match_unpadded_single_text_runs()
    {
        var texts = Enumerable.Range(0, 75)
            .Select(i => string.Join(' ', Enumerable.Repeat($"word{i % 7} of reply {i}", 1 + (i * 37 % 11))))
            .Append("")
            .ToArray();
        using var single = new OnnxSessionEmbedder(fixture.CacheDirectory, batchSize: 1, sortByLength: false);

        var batched = fixture.Embedder.Embed(texts, null, CancellationToken.None);
        var alone = single.Embed(texts, null, CancellationToken.None);

        batched.Count.ShouldBe(texts.Length);
        for (var i = 0; i < texts.Length; i++)
        {
            Pooling.Cosine(batched[i], alone[i]).ShouldBeGreaterThanOrEqualTo(0.99999, $"text {i}");
        }
    }

    [Fact]
    public void Damaged_copy_is_written_again()
    {
        var cache = Directory.CreateTempSubdirectory("ag-flat-model-").FullName;
        try
        {
            MiniLmEmbedder.Create(cache).Dispose();
            var folder = Path.Combine(cache, "models", "all-MiniLM-L6-v2-24.9.52193");
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)
                .ShouldBe(["model.flat-inputs-v1.onnx", "vocab.txt"]);

            var damaged = Path.Combine(folder, "model.flat-inputs-v1.onnx");
            var length = new FileInfo(damaged).Length;
            using (var stream = new FileStream(damaged, FileMode.Open))
            {
                stream.SetLength(1_000_000);
            }

            using var second = MiniLmEmbedder.Create(cache);
            var vector = second.Embed(["How do I reset my password?"], null, CancellationToken.None).Single();
            var expected = fixture.Embedder.Embed(["How do I reset my password?"], null, CancellationToken.None).Single();

            Pooling.Cosine(vector, expected).ShouldBeGreaterThan(0.999999);
            new FileInfo(damaged).Length.ShouldBe(length);
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Fact]
    public void Cache_path_naming_file_fails()
    {
        var file = Path.GetTempFileName();
        try
        {
            var error = Should.Throw<IOException>(() => MiniLmEmbedder.Create(file));

            error.Message.ShouldStartWith($"Writing the embedding model to the cache folder '{file}' failed: ");
            error.Message.ShouldEndWith("Make the folder writable, or pass --cache (or set ANNOTATIONGATE_CACHE) with a writable folder.");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Empty_list_gives_no_vectors()
    {
        fixture.Embedder.Embed([], null, CancellationToken.None).ShouldBeEmpty();
    }
}
