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
    public void Rewrite_rejects_model_without_named_input()
    {
        var model = File.ReadAllBytes(fixture.Embedder.Files.ModelPath);

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
    public void Empty_list_gives_no_vectors()
    {
        fixture.Embedder.Embed([], null, CancellationToken.None).ShouldBeEmpty();
    }
}
