using AnnotationGate.Core.Labels.Leakage;

namespace AnnotationGate.Core.Tests.Labels.Leakage;

/// <summary>Shingle Jaccard computed the slow, obvious way, as the reference for the detector.</summary>
internal static class BruteForce
{
    public static double Jaccard(string a, string b, int size)
    {
        var x = Shingles(TextNormalizer.Normalize(a), size);
        var y = Shingles(TextNormalizer.Normalize(b), size);
        var overlap = x.Count(y.Contains);
        return overlap / (double)(x.Count + y.Count - overlap);
    }

    /// <summary>Every pair whose normalized texts are identical, by golden row, then training row.</summary>
    public static List<(string GoldenId, string TrainingId)> ExactPairs(
        List<(string Id, string Text)> golden,
        List<(string Id, string Text, string File, int Line)> training)
    {
        var rows = training.Select(row => TextNormalizer.Normalize(row.Text)).ToList();
        var pairs = new List<(string GoldenId, string TrainingId)>();
        foreach (var (id, text) in golden)
        {
            var normalized = TextNormalizer.Normalize(text);
            for (var t = 0; t < rows.Count; t++)
            {
                if (rows[t] == normalized)
                {
                    pairs.Add((id, training[t].Id));
                }
            }
        }

        return pairs;
    }

    /// <summary>
    /// Every pair at or above the threshold whose normalized texts differ, ordered by similarity
    /// (highest first), then golden row, then training row.
    /// </summary>
    public static List<(string GoldenId, string TrainingId, double Similarity)> NearPairs(
        List<(string Id, string Text)> golden,
        List<(string Id, string Text, string File, int Line)> training,
        double threshold,
        int size)
    {
        var pairs = new List<(int Golden, int Training, double Similarity)>();
        var rows = training.Select(row => TextNormalizer.Normalize(row.Text)).ToList();
        var rowShingles = rows.Select(text => Shingles(text, size)).ToList();
        for (var g = 0; g < golden.Count; g++)
        {
            var x = TextNormalizer.Normalize(golden[g].Text);
            var xs = Shingles(x, size);
            for (var t = 0; t < training.Count; t++)
            {
                if (x == rows[t])
                {
                    continue;
                }

                var ys = rowShingles[t];
                if (Math.Min(xs.Count, ys.Count) < threshold * Math.Max(xs.Count, ys.Count) - 1e-9)
                {
                    // Jaccard is at most min / max of the set sizes, so this pair cannot qualify.
                    continue;
                }

                var overlap = xs.Count(ys.Contains);
                var similarity = overlap / (double)(xs.Count + ys.Count - overlap);
                if (similarity >= threshold)
                {
                    pairs.Add((g, t, similarity));
                }
            }
        }

        return
        [
            .. pairs
                .OrderByDescending(p => p.Similarity)
                .ThenBy(p => p.Golden)
                .ThenBy(p => p.Training)
                .Select(p => (golden[p.Golden].Id, training[p.Training].Id, p.Similarity)),
        ];
    }

    private static HashSet<string> Shingles(string text, int size)
    {
        var width = Math.Min(size, text.Length);
        return [.. Enumerable.Range(0, text.Length - width + 1).Select(i => text.Substring(i, width))];
    }
}
