using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Embeddings;

namespace AnnotationGate.Core.Checks.Paraphrase;

/// <summary>
/// Similarity of two group members: the cosine of their embeddings, 1 or 0 for exact comparison, or
/// the share of equal fields. Embeddings are computed by <see cref="Embed"/> for a batch of members.
/// </summary>
internal sealed class PairSimilarity(ParaphraseComparison comparison, ITextEmbedder? embedder)
{
    /// <summary>Members whose output the model cut to its input limit; filled by <see cref="Embed"/>.</summary>
    public List<GroupMember> Truncated { get; } = [];

    /// <summary>Whether members need a vector before their group can be judged.</summary>
    public bool NeedsVectors => comparison == ParaphraseComparison.Embedding && embedder is not null;

    /// <summary>
    /// Whether every text must be embedded in one call: true for an embedder whose vectors depend on
    /// the other texts of the call (TF-IDF fits its frequencies on them).
    /// </summary>
    public bool NeedsOneCall => NeedsVectors && embedder!.VectorsDependOnBatch;

    /// <summary>
    /// Embeds the distinct texts of <paramref name="members"/> in one call, gives each member its
    /// vector and drops its text, which is no longer needed.
    /// </summary>
    public void Embed(IReadOnlyList<GroupMember> members, CancellationToken cancellationToken)
    {
        if (!NeedsVectors || members.Count == 0)
        {
            return;
        }

        var texts = members.Select(m => m.Text).Distinct(StringComparer.Ordinal).ToArray();
        var vectors = embedder!.Embed(texts, null, cancellationToken);
        var byText = new Dictionary<string, float[]>(texts.Length, StringComparer.Ordinal);
        var truncated = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Length; i++)
        {
            byText[texts[i]] = vectors[i];
            if (embedder.IsTruncated(texts[i]))
            {
                truncated.Add(texts[i]);
            }
        }

        foreach (var member in members)
        {
            if (truncated.Contains(member.Text))
            {
                Truncated.Add(member);
            }

            member.Vector = byText[member.Text];
            member.Values = [];
        }
    }

    public double Compare(GroupMember a, GroupMember b) => comparison switch
    {
        ParaphraseComparison.Embedding => Cosine(a.Vector!, b.Vector!),
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
