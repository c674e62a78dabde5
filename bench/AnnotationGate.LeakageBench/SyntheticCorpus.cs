using System.Globalization;
using System.Text;
using AnnotationGate.Core.Labels.Leakage;

namespace AnnotationGate.LeakageBench;

/// <summary>
/// Seeded sentences of 60 to 120 characters drawn from a word-frequency table, with golden rows
/// planted into the training stream as exact copies (after normalization) and as near
/// duplicates (one word replaced).
/// </summary>
internal sealed class SyntheticCorpus
{
    private readonly string[] _words;
    private readonly double[] _cumulative;
    private readonly int _seed;

    public SyntheticCorpus(IReadOnlyDictionary<string, int> frequencies, int seed)
    {
        _words = [.. frequencies.Keys.Order(StringComparer.Ordinal)];
        _cumulative = new double[_words.Length];
        var total = 0.0;
        for (var i = 0; i < _words.Length; i++)
        {
            total += frequencies[_words[i]];
            _cumulative[i] = total;
        }

        _seed = seed;
    }

    public int VocabularySize => _words.Length;

    public List<(string Id, string Text)> Golden(int count)
    {
        var random = new Random(_seed);
        return [.. Enumerable.Range(0, count).Select(i => ($"g{i:D4}", Sentence(random)))];
    }

    /// <summary>Positions and texts of the planted rows, with the golden row each copies.</summary>
    public List<Plant> Plants(List<(string Id, string Text)> golden, int trainingRows, int count)
    {
        var random = new Random(_seed + 2);
        var plants = new List<Plant>();
        for (var j = 0; j < count; j++)
        {
            var position = (long)(j + 1) * trainingRows / (count + 1);
            var source = golden[(j * 37) % golden.Count];
            var text = j % 2 == 0 ? Disguise(source.Text) : ReplaceOneWord(source.Text, random);
            plants.Add(new Plant(position, source.Id, text, Jaccard(source.Text, text, 5)));
        }

        return plants;
    }

    public IEnumerable<(string Id, string Text, string File, int Line)> Training(int count, List<Plant> plants)
    {
        var random = new Random(_seed + 1);
        var byPosition = plants.ToDictionary(p => p.Position);
        for (var i = 0; i < count; i++)
        {
            var text = byPosition.TryGetValue(i, out var plant) ? plant.Text : Sentence(random);
            yield return ($"t{i:D7}", text, "train.jsonl", i + 1);
        }
    }

    /// <summary>Jaccard similarity of the normalized shingle sets, computed the slow, obvious way.</summary>
    public static double Jaccard(string a, string b, int size)
    {
        var x = ShingleSet(TextNormalizer.Normalize(a), size);
        var y = ShingleSet(TextNormalizer.Normalize(b), size);
        var overlap = x.Count(y.Contains);
        return overlap / (double)(x.Count + y.Count - overlap);
    }

    private static HashSet<string> ShingleSet(string text, int size)
    {
        var width = Math.Min(size, text.Length);
        return [.. Enumerable.Range(0, text.Length - width + 1).Select(i => text.Substring(i, width))];
    }

    private static string Disguise(string text) =>
        "  " + text.ToUpperInvariant().Replace(" ", " ,  ", StringComparison.Ordinal) + "!!";

    private static string ReplaceOneWord(string text, Random random)
    {
        var words = text.Split(' ');
        words[random.Next(words.Length)] = "zebra";
        return string.Join(' ', words);
    }

    private string Sentence(Random random)
    {
        var target = random.Next(60, 121);
        var text = new StringBuilder(target + 16);
        while (text.Length < target)
        {
            var index = Array.BinarySearch(_cumulative, random.NextDouble() * _cumulative[^1]);
            var word = _words[index < 0 ? ~index : index];
            if (text.Length == 0)
            {
                text.Append(char.ToUpper(word[0], CultureInfo.InvariantCulture)).Append(word, 1, word.Length - 1);
            }
            else
            {
                text.Append(' ').Append(word);
            }
        }

        return text.Append('.').ToString();
    }
}

/// <summary>A planted training row and the exact Jaccard similarity to its golden row.</summary>
internal sealed record Plant(long Position, string GoldenId, string Text, double Similarity);
