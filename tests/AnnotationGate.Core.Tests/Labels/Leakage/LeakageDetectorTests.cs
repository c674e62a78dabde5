using AnnotationGate.Core.Labels.Leakage;

namespace AnnotationGate.Core.Tests.Labels.Leakage;

public sealed class LeakageDetectorTests
{
    private const string Fox = "The quick brown fox jumps over the lazy dog near the river bank today";

    private static readonly string[] Vocabulary =
    [
        "the", "a", "refund", "order", "late", "delivery", "account", "password", "please", "help",
        "customer", "service", "package", "arrived", "broken", "screen", "battery", "charge",
        "support", "ticket", "was", "is", "my", "not", "and", "with", "for", "yesterday", "again",
    ];

    [Fact]
    public void Find_exact_match_after_normalization()
    {
        var training = Rows("THE quick, brown fox -- jumps over the lazy dog; near the river bank today!");

        var report = LeakageDetector.Find([("g1", Fox)], training, new LeakageOptions());

        var pair = report.Exact.ShouldHaveSingleItem();
        pair.ShouldBe(new LeakagePair("g1", "t0", "train.jsonl", 10, 1.0));
        report.Near.ShouldBeEmpty();
        report.ExactPairCount.ShouldBe(1);
    }

    [Fact]
    public void Find_near_duplicate_reports_exact_similarity()
    {
        var edited = Fox.Replace("lazy", "lacy", StringComparison.Ordinal);
        var training = Rows("nothing to see here at all", edited);

        var report = LeakageDetector.Find([("g1", Fox)], training, new LeakageOptions());

        var pair = report.Near.ShouldHaveSingleItem();
        pair.GoldenId.ShouldBe("g1");
        pair.TrainingId.ShouldBe("t1");
        pair.File.ShouldBe("train.jsonl");
        pair.Line.ShouldBe(11);
        pair.Similarity.ShouldBe(BruteForce.Jaccard(Fox, edited, 5), 1e-15);
        pair.Similarity.ShouldBeGreaterThanOrEqualTo(0.8);
        report.Exact.ShouldBeEmpty();
    }

    [Fact]
    public void Find_below_threshold_is_not_reported()
    {
        var edited = "The quick red fox leaps over the lazy cat near the river bank today";
        var similarity = BruteForce.Jaccard(Fox, edited, 5);

        var report = LeakageDetector.Find([("g1", Fox)], Rows(edited), new LeakageOptions());

        similarity.ShouldBeLessThan(0.8);
        similarity.ShouldBeGreaterThan(0.4);
        report.Near.ShouldBeEmpty();
    }

    [Fact]
    public void Find_lower_threshold_reports_looser_pair()
    {
        var edited = "The quick red fox leaps over the lazy cat near the river bank today";

        var report = LeakageDetector.Find([("g1", Fox)], Rows(edited), new LeakageOptions { Jaccard = 0.4 });

        report.Near.ShouldHaveSingleItem().Similarity.ShouldBe(BruteForce.Jaccard(Fox, edited, 5), 1e-15);
    }

    [Fact]
    public void Find_exact_pair_is_not_repeated_as_near()
    {
        var report = LeakageDetector.Find([("g1", Fox)], Rows(Fox.ToUpperInvariant()), new LeakageOptions());

        report.Exact.Count.ShouldBe(1);
        report.Near.ShouldBeEmpty();
    }

    [Fact]
    public void Find_duplicate_golden_rows_each_pair()
    {
        var report = LeakageDetector.Find([("g1", Fox), ("g2", Fox + "!")], Rows(Fox), new LeakageOptions());

        report.Exact.Select(p => p.GoldenId).ShouldBe(["g1", "g2"]);
        report.Near.ShouldBeEmpty();
    }

    [Fact]
    public void Find_short_text_matches_only_exactly()
    {
        var report = LeakageDetector.Find([("g1", "hi")], Rows("HI!", "hi there", "hj"), new LeakageOptions());

        report.Exact.ShouldHaveSingleItem().TrainingId.ShouldBe("t0");
        report.Near.ShouldBeEmpty();
    }

    [Fact]
    public void Find_empty_texts_match_nothing()
    {
        var report = LeakageDetector.Find([("g1", "?!"), ("g2", Fox)], Rows("", "...", Fox), new LeakageOptions());

        report.Exact.ShouldHaveSingleItem().GoldenId.ShouldBe("g2");
        report.TrainingRowsScanned.ShouldBe(3);
    }

    [Fact]
    public void Find_max_pairs_keeps_first_and_counts_all()
    {
        var training = Rows([.. Enumerable.Repeat("Yes.", 10)]);

        var report = LeakageDetector.Find([("g1", "yes")], training, new LeakageOptions { MaxPairs = 3 });

        report.Exact.Select(p => p.TrainingId).ShouldBe(["t0", "t1", "t2"]);
        report.ExactPairCount.ShouldBe(10);
        report.Truncated.ShouldBeTrue();
    }

    [Theory]
    [InlineData(1, 0.8, 5)]
    [InlineData(2, 0.8, 5)]
    [InlineData(3, 0.85, 5)]
    [InlineData(4, 0.5, 5)]
    [InlineData(5, 0.7, 3)]
    public void Find_matches_brute_force_on_random_corpus(int seed, double threshold, int shingleSize)
    {
        var (golden, training) = RandomCorpus(seed, goldenCount: 30, trainingCount: 600);
        var options = new LeakageOptions { Jaccard = threshold, ShingleSize = shingleSize };

        var report = LeakageDetector.Find(golden, training, options);

        var expected = BruteForce.NearPairs(golden, training, threshold, shingleSize);
        expected.Count.ShouldBeGreaterThan(3);
        report.Near.Select(p => (p.GoldenId, p.TrainingId, p.Similarity)).ToList().ShouldBe(expected);
    }

    [Fact]
    public void Find_order_is_same_for_any_thread_count()
    {
        var (golden, training) = RandomCorpus(7, goldenCount: 40, trainingCount: 6_000);

        var serial = LeakageDetector.Find(golden, training, new LeakageOptions { MaxDegreeOfParallelism = 1 });
        var twoThreads = LeakageDetector.Find(golden, training, new LeakageOptions { MaxDegreeOfParallelism = 2 });
        var fourThreads = LeakageDetector.Find(golden, training, new LeakageOptions { MaxDegreeOfParallelism = 4 });

        serial.Near.Count.ShouldBeGreaterThan(20);
        serial.Exact.Count.ShouldBeGreaterThan(5);
        twoThreads.Near.ShouldBe(serial.Near);
        twoThreads.Exact.ShouldBe(serial.Exact);
        fourThreads.Near.ShouldBe(serial.Near);
        fourThreads.Exact.ShouldBe(serial.Exact);
        fourThreads.TrainingRowsScanned.ShouldBe(6_000);
    }

    [Fact]
    public void Find_near_order_is_similarity_then_golden()
    {
        var (golden, training) = RandomCorpus(8, goldenCount: 30, trainingCount: 2_000);

        var near = LeakageDetector.Find(golden, training, new LeakageOptions { Jaccard = 0.5 }).Near;

        near.Count.ShouldBeGreaterThan(10);
        for (var i = 1; i < near.Count; i++)
        {
            near[i].Similarity.ShouldBeLessThanOrEqualTo(near[i - 1].Similarity);
        }
    }

    [Fact]
    public void Find_reader_exception_is_not_wrapped()
    {
        static IEnumerable<(string, string, string, int)> Failing()
        {
            yield return ("t0", Fox, "train.jsonl", 1);
            throw new InvalidDataException("Line 2 is not valid JSON.");
        }

        var error = Should.Throw<InvalidDataException>(
            () => LeakageDetector.Find([("g1", Fox)], Failing(), new LeakageOptions()));

        error.Message.ShouldBe("Line 2 is not valid JSON.");
    }

    [Theory]
    [InlineData(0.0, 5, 10)]
    [InlineData(1.5, 5, 10)]
    [InlineData(0.8, 0, 10)]
    [InlineData(0.8, 5, 0)]
    public void Find_invalid_options_throw(double jaccard, int shingleSize, int maxPairs)
    {
        var options = new LeakageOptions { Jaccard = jaccard, ShingleSize = shingleSize, MaxPairs = maxPairs };

        Should.Throw<ArgumentOutOfRangeException>(() => LeakageDetector.Find([], Rows(), options));
    }

    private static List<(string Id, string Text, string File, int Line)> Rows(params string[] texts) =>
        [.. texts.Select((text, i) => ($"t{i}", text, "train.jsonl", i + 10))];

    // Random sentences from a small vocabulary, so unrelated rows share many shingles, plus
    // copies of golden rows with 0 to 4 words replaced, which span the thresholds under test.
    private static (List<(string Id, string Text)> Golden, List<(string Id, string Text, string File, int Line)> Training)
        RandomCorpus(int seed, int goldenCount, int trainingCount)
    {
        var random = new Random(seed);
        var golden = Enumerable.Range(0, goldenCount).Select(i => ($"g{i:D2}", Sentence(random))).ToList();
        var training = new List<(string, string, string, int)>();
        for (var i = 0; i < trainingCount; i++)
        {
            var text = random.Next(10) == 0
                ? Mutate(golden[random.Next(goldenCount)].Item2, random.Next(5), random)
                : Sentence(random);
            training.Add(($"t{i:D5}", text, "train.jsonl", i + 1));
        }

        return (golden, training);
    }

    private static string Sentence(Random random) =>
        string.Join(' ', Enumerable.Range(0, random.Next(8, 18)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));

    private static string Mutate(string text, int edits, Random random)
    {
        var words = text.Split(' ');
        for (var e = 0; e < edits; e++)
        {
            words[random.Next(words.Length)] = Vocabulary[random.Next(Vocabulary.Length)];
        }

        return string.Join(' ', words);
    }
}
