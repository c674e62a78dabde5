using AnnotationGate.Core.Embeddings;
using AnnotationGate.Embeddings.Tokenization;
using Microsoft.ML.OnnxRuntime;

namespace AnnotationGate.Embeddings.Onnx;

/// <summary>
/// The same model through a raw ONNX Runtime session, in padded batches. It is the speed ceiling the
/// benchmark compares the ML.NET pipeline against, and the reference the tests compare vectors with.
/// </summary>
public sealed class OnnxSessionEmbedder : ITextEmbedder, IDisposable
{
    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];
    private static readonly string[] OutputNames = ["last_hidden_state"];

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;

    /// <summary>Loads the model from the cache folder (writing it there first when absent).</summary>
    public OnnxSessionEmbedder(string cacheDirectory, int batchSize, bool sortByLength)
    {
        NativeEnvironment.DisableOnnxRuntimeTelemetry();
        var files = MiniLmFiles.Ensure(cacheDirectory);
        using (var vocabulary = File.OpenRead(files.VocabularyPath))
        {
            _tokenizer = BertTokenizer.FromStream(vocabulary);
        }

        _session = new InferenceSession(files.EnsureOriginalModel());
        BatchSize = batchSize;
        SortByLength = sortByLength;
    }

    public string ModelId => MiniLmEmbedder.Id;

    public int Dimensions => 384;

    public int BatchSize { get; }

    /// <summary>Groups texts of similar length into a batch, which cuts padding.</summary>
    public bool SortByLength { get; }

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var encoded = texts.Select(t => _tokenizer.Encode(t, MiniLmEmbedder.MaxTokens).Ids).ToArray();
        var order = Enumerable.Range(0, texts.Count).ToArray();
        if (SortByLength)
        {
            order = [.. order.OrderBy(i => encoded[i].Length)];
        }

        var vectors = new float[texts.Count][];
        for (var start = 0; start < order.Length; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = order.AsSpan(start, Math.Min(BatchSize, order.Length - start)).ToArray();
            RunBatch(batch, encoded, vectors);
            progress?.Report(start + batch.Length);
        }

        return vectors;
    }

    public void Dispose() => _session.Dispose();

    private void RunBatch(int[] batch, long[][] encoded, float[][] vectors)
    {
        var length = batch.Max(i => encoded[i].Length);
        var ids = new long[batch.Length * length];
        var mask = new long[batch.Length * length];
        for (var row = 0; row < batch.Length; row++)
        {
            var tokens = encoded[batch[row]];
            tokens.CopyTo(ids, row * length);
            Array.Fill(mask, 1L, row * length, tokens.Length);
        }

        long[] shape = [batch.Length, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, InputNames, [idsValue, maskValue, typesValue], OutputNames);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var rowSize = length * Dimensions;
        for (var row = 0; row < batch.Length; row++)
        {
            vectors[batch[row]] = Pooling.MeanNormalized(
                hidden.Slice(row * rowSize, rowSize), mask.AsSpan(row * length, length), Dimensions);
        }
    }
}
