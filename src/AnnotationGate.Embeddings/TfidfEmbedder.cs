using AnnotationGate.Core.Embeddings;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace AnnotationGate.Embeddings;

/// <summary>
/// Lexical fallback: TF-IDF vectors of word unigrams and bigrams from ML.NET <c>FeaturizeText</c>,
/// lower-cased, without diacritics and punctuation, L2-normalized. Each call fits the vocabulary and
/// inverse document frequencies on the texts it receives, so vectors from different calls are not
/// comparable and are never cached. No native code and no model file.
/// </summary>
public sealed class TfidfEmbedder : ITextEmbedder
{
    /// <summary>Maximum number of distinct n-grams kept, the most frequent first; the vector length.</summary>
    public const int MaxNgrams = 4096;

    private const int ProgressStep = 256;

    private readonly MLContext _ml = new(seed: 0);

    public string ModelId => $"tfidf;ngrams-1-2;max-{MaxNgrams};lower;no-diacritics;no-punctuation;l2";

    public int Dimensions => MaxNgrams;

    /// <inheritdoc />
    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var rows = texts.Select(t => new TextRow { Text = t }).ToArray();
        var view = _ml.Data.LoadFromEnumerable(rows);
        var options = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = false,
            KeepNumbers = true,
            CharFeatureExtractor = null,
            WordFeatureExtractor = new WordBagEstimator.Options
            {
                NgramLength = 2,
                UseAllLengths = true,
                Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
                MaximumNgramsCount = [MaxNgrams],
            },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var transformed = _ml.Transforms.Text.FeaturizeText("Features", options, nameof(TextRow.Text)).Fit(view).Transform(view);
        return ReadVectors(transformed, texts.Count, progress, cancellationToken);
    }

    private float[][] ReadVectors(IDataView view, int count, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var column = view.Schema["Features"];
        using var cursor = view.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var buffer = default(VBuffer<float>);
        var vectors = new float[count][];
        var index = 0;
        while (cursor.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            getter(ref buffer);
            var vector = new float[MaxNgrams];
            var dense = buffer.DenseValues().Take(MaxNgrams).ToArray();
            dense.CopyTo(vector, 0);
            vectors[index++] = vector;
            if (index % ProgressStep == 0 || index == count)
            {
                progress?.Report(index);
            }
        }

        return vectors;
    }

    private sealed class TextRow
    {
        public string Text { get; set; } = "";
    }
}
