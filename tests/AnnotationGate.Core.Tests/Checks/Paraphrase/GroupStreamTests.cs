using AnnotationGate.Core.Checks.Paraphrase;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Embeddings;

namespace AnnotationGate.Core.Tests.Checks.Paraphrase;

public sealed class GroupStreamTests
{
    [Fact]
    public void Sorted_groups_embed_in_chunks_and_release_vectors()
    {
        var embedder = new LetterCountEmbedder(dependsOnBatch: false);
        var (stream, members) = Run(embedder, chunk: 4,
            ("a", "reset password"), ("a", "reset the password"), ("b", "refund"), ("b", "refund"), ("b", "cancel"), ("c", "hello"), ("c", "hello"));

        embedder.CallSizes.ShouldBe([3, 2]); // chunks of 4 and 3 records; repeated texts are embedded once
        stream.Tally.Groups.ShouldBe(3);
        stream.Tally.Records.ShouldBe(7);
        stream.Inconsistent.Select(v => (v.Group, v.Size, v.Outliers.Single().Member.Name)).ShouldBe([("b", 3, "cancel")]);
        members.ShouldAllBe(m => m.Vector == null && m.Values.Length == 0);
    }

    [Fact]
    public void Interleaved_groups_match_sorted_verdicts()
    {
        (string, string)[] sorted = [("a", "reset password"), ("a", "jump kick"), ("b", "refund"), ("b", "cancel order"), ("c", "x"), ("c", "x")];
        (string, string)[] interleaved = [sorted[0], sorted[2], sorted[4], sorted[1], sorted[3], sorted[5]];

        var (first, _) = Run(new LetterCountEmbedder(false), chunk: 2, sorted);
        var (second, _) = Run(new LetterCountEmbedder(false), chunk: 2, interleaved);

        second.Inconsistent.Select(v => (v.Group, v.MinSimilarity)).ShouldBe(first.Inconsistent.Select(v => (v.Group, v.MinSimilarity)));
        second.Inconsistent.Select(v => v.Group).ShouldBe(["a", "b"]);
        (second.Tally.Groups, second.Tally.LowestSimilarity, second.Tally.MeanLowestSimilarity)
            .ShouldBe((first.Tally.Groups, first.Tally.LowestSimilarity, first.Tally.MeanLowestSimilarity));
    }

    [Fact]
    public void Batch_dependent_embedder_gets_one_call_without_singles()
    {
        var embedder = new LetterCountEmbedder(dependsOnBatch: true);
        var (stream, _) = Run(embedder, chunk: int.MaxValue,
            ("a", "one"), ("solo", "alone here"), ("a", "one"), ("b", "two"), ("b", "three"));

        embedder.CallSizes.ShouldBe([3]);
        stream.Singles.Select(s => s.Group).ShouldBe(["solo"]);
        stream.Tally.Groups.ShouldBe(2);
        stream.Inconsistent.Select(v => v.Group).ShouldBe(["b"]);
    }

    [Fact]
    public void Group_missing_from_first_pass_closes_at_end()
    {
        var embedder = new LetterCountEmbedder(dependsOnBatch: false);
        var similarity = new PairSimilarity(ParaphraseComparison.Embedding, embedder);
        var stream = new GroupStream(new Dictionary<string, int>(StringComparer.Ordinal) { ["a"] = 2 }, similarity, 0.8, chunkSize: 10);

        stream.Add("a", Member("reset"), CancellationToken.None);
        stream.Add("new", Member("late one"), CancellationToken.None);
        stream.Add("new", Member("late one"), CancellationToken.None);
        stream.Add("a", Member("reset"), CancellationToken.None);
        stream.Finish(CancellationToken.None);

        stream.Tally.Groups.ShouldBe(2);
        stream.Tally.Records.ShouldBe(4);
        stream.Inconsistent.ShouldBeEmpty();
    }

    [Fact]
    public void Unusable_record_still_completes_its_group()
    {
        var embedder = new LetterCountEmbedder(dependsOnBatch: false);
        var similarity = new PairSimilarity(ParaphraseComparison.Exact, null);
        var stream = new GroupStream(new Dictionary<string, int>(StringComparer.Ordinal) { ["a"] = 3 }, similarity, 1.0, chunkSize: 10);

        stream.Add("a", Member("yes"), CancellationToken.None);
        stream.Add("a", null, CancellationToken.None);
        stream.Add("a", Member("no"), CancellationToken.None);

        stream.Inconsistent.Single().Group.ShouldBe("a");
        stream.Tally.Records.ShouldBe(2);
        embedder.CallSizes.ShouldBeEmpty();
    }

    private static (GroupStream Stream, List<GroupMember> Members) Run(LetterCountEmbedder embedder, int chunk, params (string Group, string Text)[] records)
    {
        var counts = records.GroupBy(r => r.Group).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var similarity = new PairSimilarity(ParaphraseComparison.Embedding, embedder);
        var stream = new GroupStream(counts, similarity, 0.8, chunk);
        var members = new List<GroupMember>();
        foreach (var (group, text) in records)
        {
            var member = Member(text);
            members.Add(member);
            stream.Add(group, member, CancellationToken.None);
        }

        stream.Finish(CancellationToken.None);
        return (stream, members);
    }

    private static GroupMember Member(string text) => new(text, "outputs.jsonl", 1, null, "outputs", [text]);

    /// <summary>Vectors of letter counts a to z: a deterministic embedding that records its call sizes.</summary>
    private sealed class LetterCountEmbedder(bool dependsOnBatch) : ITextEmbedder
    {
        public List<int> CallSizes { get; } = [];

        public string ModelId => "letters";

        public int Dimensions => 26;

        public bool VectorsDependOnBatch => dependsOnBatch;

        public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, IProgress<int>? progress, CancellationToken cancellationToken)
        {
            CallSizes.Add(texts.Count);
            return [.. texts.Select(t =>
            {
                var vector = new float[26];
                foreach (var c in t.Where(char.IsAsciiLetterLower))
                {
                    vector[c - 'a']++;
                }

                return vector;
            })];
        }
    }
}
