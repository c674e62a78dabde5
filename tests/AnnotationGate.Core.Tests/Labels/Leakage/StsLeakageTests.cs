using AnnotationGate.Core.Labels.Leakage;

namespace AnnotationGate.Core.Tests.Labels.Leakage;

/// <summary>
/// Runs the detector on real sentences: the STS-B development pairs, whose second sentences are
/// often light rewrites of the first.
/// </summary>
public sealed class StsLeakageTests
{
    private static readonly Lazy<(List<(string Id, string Text)> First, List<(string Id, string Text, string File, int Line)> Second)> Pairs =
        new(Load);

    [Fact]
    public void Sts_near_pairs_match_brute_force()
    {
        var golden = Pairs.Value.First.Take(200).ToList();
        var training = Pairs.Value.Second;

        var report = LeakageDetector.Find(golden, training, new LeakageOptions { Jaccard = 0.7 });

        var expected = BruteForce.NearPairs(golden, training, 0.7, 5);
        expected.Count.ShouldBeGreaterThan(10);
        report.Near.Select(p => (p.GoldenId, p.TrainingId, p.Similarity)).ToList().ShouldBe(expected);
    }

    [Fact]
    public void Sts_exact_pairs_match_brute_force()
    {
        var golden = Pairs.Value.First.Take(300).ToList();
        var training = Pairs.Value.Second;

        var report = LeakageDetector.Find(golden, training, new LeakageOptions());

        var expected = BruteForce.ExactPairs(golden, training);
        expected.Count.ShouldBeGreaterThan(10);
        report.Exact.Select(p => (p.GoldenId, p.TrainingId)).ToList().ShouldBe(expected);
        report.TrainingRowsScanned.ShouldBe(training.Count);
    }

    [Fact]
    public void Sts_pair_keeps_file_and_line()
    {
        var training = Pairs.Value.Second;

        var report = LeakageDetector.Find(
            [("hard-hat", "A man with a hard hat is dancing.")], training, new LeakageOptions { Jaccard = 0.5 });

        var pair = report.Near.ShouldHaveSingleItem();
        pair.TrainingId.ShouldBe("s2-0000");
        pair.File.ShouldBe("sts-dev.csv");
        pair.Line.ShouldBe(1);
        pair.Similarity.ShouldBe(21.0 / 38, 1e-15);
    }

    private static (List<(string Id, string Text)>, List<(string Id, string Text, string File, int Line)>) Load()
    {
        var lines = File.ReadAllLines(SharedData.PathOf("similarity", "sts-dev.csv"));
        var first = new List<(string Id, string Text)>();
        var second = new List<(string Id, string Text, string File, int Line)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var fields = lines[i].Split('\t');
            first.Add(($"s1-{i:D4}", fields[5]));
            second.Add(($"s2-{i:D4}", fields[6], "sts-dev.csv", i + 1));
        }

        return (first, second);
    }
}
