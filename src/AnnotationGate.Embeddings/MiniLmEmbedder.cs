using AnnotationGate.Core.Embeddings;
using AnnotationGate.Embeddings.Onnx;
using AnnotationGate.Embeddings.Tokenization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Onnx;

namespace AnnotationGate.Embeddings;

/// <summary>
/// Sentence embeddings from all-MiniLM-L6-v2 run through an ML.NET pipeline
/// (<c>Transforms.ApplyOnnxModel</c>) with inputs of their own length: no padding, one text per
/// ONNX Runtime call. Texts longer than <see cref="MaxTokens"/> word pieces are cut and counted.
/// Vectors are mean-pooled over the attention mask and L2-normalized.
/// </summary>
public sealed class MiniLmEmbedder : ITextEmbedder, IDisposable
{
    /// <summary>Model input limit in word pieces, <c>[CLS]</c> and <c>[SEP]</c> included (the model's max_seq_length).</summary>
    public const int MaxTokens = 256;

    private const int ProgressStep = 64;
    private const string OutputColumn = "last_hidden_state";

    private readonly MLContext _ml = new(seed: 0);
    private readonly SchemaDefinition _schema = SchemaDefinition.Create(typeof(ModelInput));
    private readonly Lazy<OnnxTransformer> _transformer;
    private long _truncated;

    private MiniLmEmbedder(MiniLmFiles files, BertTokenizer tokenizer)
    {
        Files = files;
        Tokenizer = tokenizer;
        _transformer = new Lazy<OnnxTransformer>(BuildPipeline);
    }

    /// <summary>Model, package version, tokenizer settings, input limit and pooling.</summary>
    public static string Id => $"{MiniLmFiles.ModelName}@24.9.52193;{BertTokenizer.Settings};max-{MaxTokens};mean;l2";

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
    public static MiniLmEmbedder Create(string cacheDirectory)
    {
        var files = MiniLmFiles.Ensure(cacheDirectory);
        using var vocabulary = File.OpenRead(files.VocabularyPath);
        return new MiniLmEmbedder(files, BertTokenizer.FromStream(vocabulary));
    }

    /// <summary>The model and vocabulary files in the cache folder.</summary>
    public MiniLmFiles Files { get; }

    /// <inheritdoc />
    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var vectors = new float[texts.Count][];
        var view = _ml.Data.LoadFromEnumerable(Inputs(texts), _schema);
        var output = _transformer.Value.Transform(view);
        var column = output.Schema[OutputColumn];
        using var cursor = output.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var hidden = default(VBuffer<float>);
        var index = 0;
        while (cursor.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            getter(ref hidden);
            var values = hidden.DenseValues().ToArray();
            var tokens = values.Length / Dimensions;
            vectors[index] = Pooling.MeanNormalized(values, AllOnes(tokens), Dimensions);
            index++;
            if (index % ProgressStep == 0 || index == texts.Count)
            {
                progress?.Report(index);
            }
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

    private OnnxTransformer BuildPipeline()
    {
        NativeEnvironment.DisableOnnxRuntimeTelemetry();
        var options = new OnnxOptions
        {
            ModelFile = Files.ModelPath,
            InputColumns = [.. ModelInput.Columns],
            OutputColumns = [OutputColumn],
            FallbackToCpu = true,
        };
        var empty = _ml.Data.LoadFromEnumerable(Array.Empty<ModelInput>(), _schema);
        return _ml.Transforms.ApplyOnnxModel(options).Fit(empty);
    }

    private IEnumerable<ModelInput> Inputs(IReadOnlyList<string> texts)
    {
        foreach (var text in texts)
        {
            var encoded = Tokenizer.Encode(text, MaxTokens);
            if (encoded.Truncated)
            {
                Interlocked.Increment(ref _truncated);
            }

            yield return new ModelInput
            {
                InputIds = encoded.Ids,
                AttentionMask = AllOnes(encoded.Ids.Length),
                TokenTypeIds = new long[encoded.Ids.Length],
            };
        }
    }

    private static long[] AllOnes(int length)
    {
        var ones = new long[length];
        Array.Fill(ones, 1L);
        return ones;
    }

    /// <summary>One row of the pipeline: the three model inputs, each as long as the text's token ids.</summary>
    private sealed class ModelInput
    {
        public static readonly string[] Columns = ["input_ids", "attention_mask", "token_type_ids"];

        [ColumnName("input_ids")]
        [VectorType]
        public long[] InputIds { get; set; } = [];

        [ColumnName("attention_mask")]
        [VectorType]
        public long[] AttentionMask { get; set; } = [];

        [ColumnName("token_type_ids")]
        [VectorType]
        public long[] TokenTypeIds { get; set; } = [];
    }
}
