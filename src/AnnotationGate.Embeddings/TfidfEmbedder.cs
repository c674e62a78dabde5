using System.Text;
using AnnotationGate.Core.Embeddings;
using AnnotationGate.Embeddings.Tokenization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace AnnotationGate.Embeddings;

/// <summary>
/// Lexical fallback: TF-IDF vectors of word n-grams, lower-cased, without diacritics and punctuation,
/// L2-normalized. ML.NET <c>FeaturizeText</c> counts the n-grams; the inverse document frequency is
/// <c>ln((N + 1) / df)</c>, so that an n-gram found in every text keeps a small weight (with ML.NET's
/// own <c>ln(N / df)</c> it weighs 0, and two reordered texts checked on their own share no weighted
/// word and compare as unrelated). Each call fits the vocabulary and frequencies on the texts it receives, so vectors
/// from different calls are not comparable and are never cached. No native code and no model file.
/// </summary>
public sealed class TfidfEmbedder : ITextEmbedder
{
    /// <summary>Default maximum number of distinct n-grams kept, the most frequent first.</summary>
    public const int DefaultMaxNgrams = 16384;

    private const int ProgressStep = 256;

    private readonly MLContext _ml = new(seed: 0);

    /// <summary>
    /// Creates the embedder. The defaults (unigrams, 16,384 n-grams) score best on STS dev among the
    /// settings measured; bigrams under a 4,096 cap score lower (see docs/benchmarks/embeddings.md).
    /// </summary>
    public TfidfEmbedder(int ngramLength = 1, int maxNgrams = DefaultMaxNgrams)
    {
        NgramLength = ngramLength;
        MaxNgrams = maxNgrams;
    }

    public int NgramLength { get; }

    /// <summary>Upper bound of the vector length: the most frequent n-grams kept.</summary>
    public int MaxNgrams { get; }

    public string ModelId => $"tfidf;ngrams-1-{NgramLength};max-{MaxNgrams};lower;no-diacritics;no-punctuation;l2";

    public int Dimensions => MaxNgrams;

    /// <summary>True: the vocabulary and frequencies are fitted on the texts of each call.</summary>
    public bool VectorsDependOnBatch => true;

    /// <inheritdoc />
    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        // FeaturizeText fails on an empty vocabulary (no texts, or no words in any of them): every
        // text then gets the same one-element vector, so equal texts compare as equal.
        if (texts.Count == 0 || texts.All(t => !t.Any(char.IsLetterOrDigit)))
        {
            return [.. texts.Select(_ => Enumerable.Repeat(1f, 1).ToArray())];
        }

        var rows = texts.Select(t => new TextRow { Text = SeparateWords(t) }).ToArray();
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
                NgramLength = NgramLength,
                UseAllLengths = true,
                Weighting = NgramExtractingEstimator.WeightingCriteria.Tf,
                MaximumNgramsCount = [MaxNgrams],
            },
            Norm = TextFeaturizingEstimator.NormFunction.None,
        };
        var transformed = _ml.Transforms.Text.FeaturizeText("Features", options, nameof(TextRow.Text)).Fit(view).Transform(view);
        var vectors = ReadVectors(transformed, texts.Count, progress, cancellationToken);
        Weigh(vectors);
        return vectors;
    }

    /// <summary>Multiplies term counts by <c>ln((N + 1) / df)</c>, then L2-normalizes.</summary>
    private static void Weigh(float[][] vectors)
    {
        var length = vectors.Length == 0 ? 0 : vectors[0].Length;
        var documents = new int[length];
        foreach (var vector in vectors)
        {
            for (var i = 0; i < length; i++)
            {
                documents[i] += vector[i] > 0 ? 1 : 0;
            }
        }

        var idf = documents.Select(df => df == 0 ? 0 : Math.Log((vectors.Length + 1.0) / df)).ToArray();
        foreach (var vector in vectors)
        {
            for (var i = 0; i < length; i++)
            {
                vector[i] = (float)(vector[i] * idf[i]);
            }

            Pooling.Normalize(vector);
        }
    }

    /// <summary>
    /// Turns every Unicode whitespace into a space and puts spaces around each CJK ideograph and each
    /// character of kana, Thai, Lao, Khmer and Myanmar. ML.NET's word tokenizer splits on spaces only,
    /// so "open settings\nclick reset" would otherwise contain the word "settings\nclick", and a
    /// Chinese or Thai sentence would be one word.
    /// </summary>
    internal static string SeparateWords(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                builder.Append(' ');
            }
            else if (BertTokenizer.IsCjkIdeograph(rune) || IsUnspacedScript(rune))
            {
                builder.Append(' ').Append(rune.ToString()).Append(' ');
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    // Scripts written without spaces between words: kana, Thai, Lao, Khmer and Myanmar. Each
    // character counts as a word, which is crude but lets near-identical sentences share weight.
    private static bool IsUnspacedScript(Rune rune) => rune.Value is
        (>= 0x3040 and <= 0x30FF) or (>= 0x0E00 and <= 0x0EFF) or (>= 0x1780 and <= 0x17FF) or (>= 0x1000 and <= 0x109F);

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
            vectors[index++] = buffer.DenseValues().ToArray();
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
