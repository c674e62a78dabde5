using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Embeddings;

namespace AnnotationGate.Core.Checks.Paraphrase;

/// <summary>
/// Similarity of two group members: the cosine of their embeddings, 1 or 0 for exact comparison, or
/// the share of equal fields. Embeddings are computed once per distinct text, in one call.
/// </summary>
internal sealed class PairSimilarity(ParaphraseComparison comparison, ITextEmbedder? embedder)
{
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);

    /// <summary>Members whose output the model cut to its input limit; filled by <see cref="Prepare"/>.</summary>
    public List<GroupMember> Truncated { get; } = [];

    /// <summary>Embeds the distinct texts of <paramref name="members"/> when comparing by embedding.</summary>
    public void Prepare(IEnumerable<GroupMember> members, CancellationToken cancellationToken)
    {
        if (comparison != ParaphraseComparison.Embedding || embedder is null)
        {
            return;
        }

        var list = members.ToList();
        var texts = list.Select(m => m.Text).Distinct(StringComparer.Ordinal).ToArray();
        var vectors = embedder.Embed(texts, null, cancellationToken);
        for (var i = 0; i < texts.Length; i++)
        {
            _vectors[texts[i]] = vectors[i];
        }

        var truncated = texts.Where(embedder.IsTruncated).ToHashSet(StringComparer.Ordinal);
        Truncated.AddRange(list.Where(m => truncated.Contains(m.Text)));
    }

    public double Compare(GroupMember a, GroupMember b) => comparison switch
    {
        ParaphraseComparison.Embedding => Cosine(_vectors[a.Text], _vectors[b.Text]),
        ParaphraseComparison.Exact => string.Equals(a.Text, b.Text, StringComparison.Ordinal) ? 1.0 : 0.0,
        _ => a.Values.Zip(b.Values).Count(p => string.Equals(p.First, p.Second, StringComparison.Ordinal)) / (double)a.Values.Length,
    };

    // Divides by the norms even though embedders return unit vectors, so that any embedder gives a
    // true cosine. Two zero vectors (two empty TF-IDF texts) count as equal.
    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, normA = 0, normB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            normA += (double)a[i] * a[i];
            normB += (double)b[i] * b[i];
        }

        if (normA == 0 && normB == 0)
        {
            return 1.0;
        }

        if (normA == 0 || normB == 0)
        {
            return 0.0;
        }

        return Math.Clamp(dot / Math.Sqrt(normA * normB), -1.0, 1.0);
    }
}
