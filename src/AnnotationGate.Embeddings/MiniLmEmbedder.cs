using AnnotationGate.Core.Embeddings;
using AnnotationGate.Embeddings.Onnx;
using AnnotationGate.Embeddings.Tokenization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Onnx;

namespace AnnotationGate.Embeddings;

/// <summary>
/// Sentence embeddings from all-MiniLM-L6-v2 run through an ML.NET pipeline
/// (<c>Transforms.ApplyOnnxModel</c>). Texts are sorted by length and grouped into batches of up to
/// <see cref="BatchSize"/>, each padded to its longest text only. Each batch travels through the
/// pipeline as one row, and the model rewritten by <see cref="FlatInputModel"/> reshapes it back to
/// <c>[batch, sequence]</c>. Texts longer than <see cref="MaxTokens"/> word pieces are cut and counted.
/// Vectors are mean-pooled over the attention mask and L2-normalized.
/// </summary>
public sealed class MiniLmEmbedder : ITextEmbedder, IDisposable
{
    /// <summary>Model input limit in word pieces, <c>[CLS]</c> and <c>[SEP]</c> included (the model's max_seq_length).</summary>
    public const int MaxTokens = 256;

    /// <summary>Texts per ONNX Runtime call. Default 32.</summary>
    public const int BatchSize = 32;

    private const string OutputColumn = "last_hidden_state";

    private readonly MLContext _ml = new(seed: 0);
    private readonly SchemaDefinition _schema = SchemaDefinition.Create(typeof(BatchRow));
    private readonly Lazy<OnnxTransformer> _transformer;
    private long _truncated;

    private MiniLmEmbedder(MiniLmFiles files, BertTokenizer tokenizer)
    {
        Files = files;
        Tokenizer = tokenizer;
        _transformer = new Lazy<OnnxTransformer>(BuildPipeline);
    }

    /// <summary>Model, package version, tokenizer settings, input limit and pooling.</summary>
    public static string Id => $"{MiniLmFiles.ModelName}@24.9.52193;{BertTokenizer.Settings};max-{MaxTokens};batch-{BatchSize};mean;l2";

    public string ModelId => Id;

    public int Dimensions => 384;

    public BertTokenizer Tokenizer { get; }

    /// <summary>Texts cut to <see cref="MaxTokens"/> since this instance was created.</summary>
    public long TruncatedTexts => Interlocked.Read(ref _truncated);

    /// <summary>
    /// Prepares the embedder from <paramref name="cacheDirectory"/>, writing the model and vocabulary
    /// there first when absent. The ML.NET pipeline (and the ONNX Runtime native library) loads on the
    /// first call to <see cref="Embed"/>, with ONNX Runtime telemetry turned off before.
    /// </summary>
    /// <exception cref="IOException">The cache folder cannot be created or written. The message names the folder and the fix.</exception>
    public static MiniLmEmbedder Create(string cacheDirectory)
    {
        MiniLmFiles files;
        try
        {
            files = MiniLmFiles.Ensure(cacheDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException(
                $"Writing the embedding model to the cache folder '{Path.GetFullPath(cacheDirectory)}' failed: {ex.Message} "
                + "Make the folder writable, or pass --cache (or set ANNOTATIONGATE_CACHE) with a writable folder.", ex);
        }

        using var vocabulary = File.OpenRead(files.VocabularyPath);
        return new MiniLmEmbedder(files, BertTokenizer.FromStream(vocabulary));
    }

    /// <summary>The model and vocabulary files in the cache folder.</summary>
    public MiniLmFiles Files { get; }

    /// <inheritdoc />
    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var encoded = new long[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            var tokens = Tokenizer.Encode(texts[i], MaxTokens);
            if (tokens.Truncated)
            {
                Interlocked.Increment(ref _truncated);
            }

            encoded[i] = tokens.Ids;
        }

        var order = Enumerable.Range(0, texts.Count).OrderBy(i => encoded[i].Length).ToArray();
        var vectors = new float[texts.Count][];
        var view = _ml.Data.LoadFromEnumerable(Batches(order, encoded), _schema);
        var output = _transformer.Value.Transform(view);
        var column = output.Schema[OutputColumn];
        using var cursor = output.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var hidden = default(VBuffer<float>);
        var done = 0;
        while (cursor.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            getter(ref hidden);
            var batch = order.AsSpan(done, Math.Min(BatchSize, order.Length - done));
            PoolBatch(hidden.GetValues(), batch, encoded, vectors);
            done += batch.Length;
            progress?.Report(done);
        }

        return vectors;
    }

    /// <summary>Tells whether a text is longer than <see cref="MaxTokens"/> word pieces and would be cut.</summary>
    public bool IsTruncated(string text) => Tokenizer.Encode(text, MaxTokens).Truncated;

    public void Dispose()
    {
        if (_transformer.IsValueCreated)
        {
            _transformer.Value.Dispose();
        }
    }

    // Loads the pipeline. A copy of the rewritten model that fails to load is written again from the
    // package's model once, and a second failure names the folder to delete.
    private OnnxTransformer BuildPipeline()
    {
        NativeEnvironment.DisableOnnxRuntimeTelemetry();
        try
        {
            return LoadPipeline();
        }
        catch (Exception first) when (first is not OutOfMemoryException)
        {
            try
            {
                Files.WriteFlatInputModel();
                return LoadPipeline();
            }
            catch (Exception second) when (second is not OutOfMemoryException)
            {
                throw new InvalidDataException(
                    $"The embedding model in '{Files.Directory}' could not be loaded ({second.Message.TrimEnd('.')}). "
                    + "Delete that folder so that the model is written again from the tool, then run again.", second);
            }
        }
    }

    private OnnxTransformer LoadPipeline()
    {
        var options = new OnnxOptions
        {
            ModelFile = Files.FlatInputModelPath,
            InputColumns = [.. BatchRow.Columns],
            OutputColumns = [OutputColumn],
            FallbackToCpu = true,
        };
        var empty = _ml.Data.LoadFromEnumerable(Array.Empty<BatchRow>(), _schema);
        return _ml.Transforms.ApplyOnnxModel(options).Fit(empty);
    }

    /// <summary>Yields one row per batch of texts, in <paramref name="order"/>, padded to the batch's longest text.</summary>
    private static IEnumerable<BatchRow> Batches(int[] order, long[][] encoded)
    {
        for (var start = 0; start < order.Length; start += BatchSize)
        {
            var count = Math.Min(BatchSize, order.Length - start);
            var length = 0;
            for (var row = 0; row < count; row++)
            {
                length = Math.Max(length, encoded[order[start + row]].Length);
            }

            var ids = new long[count * length];
            var mask = new long[count * length];
            for (var row = 0; row < count; row++)
            {
                var tokens = encoded[order[start + row]];
                tokens.CopyTo(ids, row * length);
                Array.Fill(mask, 1L, row * length, tokens.Length);
            }

            yield return new BatchRow
            {
                InputIds = ids,
                AttentionMask = mask,
                TokenTypeIds = new long[ids.Length],
                Shape = [count, length],
            };
        }
    }

    /// <summary>Pools each text of a batch over its own tokens; padding positions are left out.</summary>
    private void PoolBatch(ReadOnlySpan<float> hidden, ReadOnlySpan<int> batch, long[][] encoded, float[][] vectors)
    {
        var length = hidden.Length / (batch.Length * Dimensions);
        var rowSize = length * Dimensions;
        for (var row = 0; row < batch.Length; row++)
        {
            var tokens = encoded[batch[row]].Length;
            var vector = Pooling.MeanNormalized(hidden.Slice(row * rowSize, tokens * Dimensions), AllOnes(tokens), Dimensions);
            if (!vector.All(float.IsFinite))
            {
                throw new InvalidDataException(
                    $"The embedding model in '{Files.Directory}' returned a vector that is not a number. "
                    + "Delete that folder so that the model is written again, then run again.");
            }

            vectors[batch[row]] = vector;
        }
    }

    private static long[] AllOnes(int length)
    {
        var ones = new long[length];
        Array.Fill(ones, 1L);
        return ones;
    }

    /// <summary>
    /// One row of the pipeline: a whole batch, each model input flattened from
    /// <c>[batch, sequence]</c>, and the shape the model restores them to.
    /// </summary>
    private sealed class BatchRow
    {
        public static readonly string[] Columns =
            [.. MiniLmFiles.ModelInputs.Select(FlatInputModel.FlatName), FlatInputModel.ShapeInput];

        [ColumnName("flat_input_ids")]
        [VectorType]
        public long[] InputIds { get; set; } = [];

        [ColumnName("flat_attention_mask")]
        [VectorType]
        public long[] AttentionMask { get; set; } = [];

        [ColumnName("flat_token_type_ids")]
        [VectorType]
        public long[] TokenTypeIds { get; set; } = [];

        [ColumnName(FlatInputModel.ShapeInput)]
        [VectorType(2)]
        public long[] Shape { get; set; } = [];
    }
}
