using System.Text.Json;
using AnnotationGate.Embeddings.Paraphrasing;

namespace AnnotationGate.Embeddings.Tests;

[Collection(EmbedderCollection.Name)]
public sealed class ParaphraseGeneratorTests(EmbedderFixture fixture) : IDisposable
{
    private static readonly string[] Inputs =
    [
        """{"id": "q1", "text": "How do I reset my password?"}""",
        """{"id": "q2", "text": "If the order is late, I can't get a refund."}""",
        """{"id": "q3", "text": "Please help me buy a large coffee maker."}""",
        """{"text": "Cancel my subscription because it is too expensive."}""",
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("ag-paraphrase-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void GenerateFile_is_deterministic()
    {
        var input = WriteInputs();

        var first = Generate(input, "a.jsonl", seed: 7);
        var second = Generate(input, "b.jsonl", seed: 7);
        var other = Generate(input, "c.jsonl", seed: 8);

        File.ReadAllText(first).ShouldBe(File.ReadAllText(second));
        File.ReadAllText(first).ShouldNotBe(File.ReadAllText(other));
    }

    [Fact]
    public void GenerateFile_writes_groups_with_similarity()
    {
        var output = Generate(WriteInputs(), "out.jsonl", seed: 42);

        var lines = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var originals = lines.Where(l => l.GetProperty("variant").GetInt32() == 0).ToList();
        originals.Select(l => l.GetProperty("group").GetString()).ShouldBe(["q1", "q2", "q3", "line-4"]);
        originals[0].GetProperty("id").GetString().ShouldBe("q1~0");
        lines.Count.ShouldBeGreaterThan(8);
        lines.ShouldAllBe(l => l.GetProperty("similarity").GetDouble() >= 0.85);
        lines.Where(l => l.GetProperty("variant").GetInt32() > 0)
            .ShouldAllBe(l => l.GetProperty("text").GetString() != originals.First(o => o.GetProperty("group").GetString() == l.GetProperty("group").GetString()).GetProperty("text").GetString());
    }

    [Fact]
    public void Generate_drops_variants_below_threshold()
    {
        var strict = new ParaphraseGenerator(fixture.Embedder, new ParaphraseOptions { MinSimilarity = 0.999, VariantsPerInput = 6 });
        var lenient = new ParaphraseGenerator(fixture.Embedder, new ParaphraseOptions { MinSimilarity = 0.0, VariantsPerInput = 6 });
        ParaphraseInput[] inputs = [new("a", "If the order is late, I can't get a refund.")];

        var kept = strict.Generate(inputs, null, CancellationToken.None);
        var all = lenient.Generate(inputs, null, CancellationToken.None);

        kept.Count.ShouldBeLessThan(all.Count);
        kept.Skip(1).ShouldAllBe(v => v.Similarity >= 0.999);
    }

    [Theory]
    [InlineData("If the order is late, I can't get a refund.", "clause-order", "I can't get a refund if the order is late.")]
    [InlineData("Click reset because you forgot it.", "clause-order", "Because you forgot it, click reset.")]
    [InlineData("I can't log in.", "contractions", "I cannot log in.")]
    [InlineData("I do not know.", "contractions", "I don't know.")]
    [InlineData("Hello there.", "final-punctuation", "Hello there")]
    [InlineData("hello there", "capitalize", "Hello there")]
    public void Rewrite_keeps_meaning(string text, string rewrite, string expected)
    {
        var apply = Rewrites.All.Single(r => r.Name == rewrite).Apply;

        var result = apply(text, new Random(1));

        result.ShouldBe(expected);
    }

    [Theory]
    [InlineData("Line one.\nI cannot log in when I start the app.")]
    [InlineData("Done. Click reset because you forgot it.")]
    [InlineData("Is it late? If so, I can't get a refund.")]
    [InlineData("If it is late, I can't get a refund!\r\nWhy")]
    public void Clause_order_skips_several_sentences(string text)
    {
        var reorder = Rewrites.All.Single(r => r.Name == "clause-order").Apply;

        var result = reorder(text, new Random(1));

        result.ShouldBe(text);
    }

    [Fact]
    public void Clause_order_keeps_outer_whitespace()
    {
        var reorder = Rewrites.All.Single(r => r.Name == "clause-order").Apply;

        var result = reorder("  If the order is late, I can't get a refund. ", new Random(1));

        result.ShouldBe("  I can't get a refund if the order is late. ");
    }

    [Theory]
    [InlineData("Hello there. ", "Hello there ")]
    [InlineData("Hello there\n", "Hello there.\n")]
    [InlineData("Wait...", "Wait...")]
    [InlineData("Really?.", "Really?.")]
    [InlineData("Really?", "Really?")]
    [InlineData("Version 2", "Version 2.")]
    [InlineData("我无法登录我的账户", "我无法登录我的账户")]
    public void Final_punctuation_touches_only_the_end(string text, string expected)
    {
        var toggle = Rewrites.All.Single(r => r.Name == "final-punctuation").Apply;

        var result = toggle(text, new Random(1));

        result.ShouldBe(expected);
    }

    [Fact]
    public void Candidates_stay_well_formed_at_100_variants()
    {
        string[] texts =
        [
            "If the order is late, I can't get a refund.",
            "I can't get a refund if the order is late.",
            "Line one.\nI cannot log in when I start the app.",
            "When I start the app, it shows an error. Then it closes!",
            "Why don't you help me fix the big problem?",
            "Because the payment failed, I need to choose another card.",
        ];
        var generator = new ParaphraseGenerator(fixture.Embedder, new ParaphraseOptions { VariantsPerInput = 100 });
        string[] malformed = [". ,", " ,", " .", "..", "?.", "!.", ".?", ".!", ",,", ", ,"];

        var candidates = texts.Select((t, i) => generator.Candidates(new ParaphraseInput($"t{i}", t))).ToList();

        candidates.Sum(c => c.Count).ShouldBeGreaterThan(100);
        foreach (var (text, rewrites) in candidates.SelectMany(c => c))
        {
            foreach (var sequence in malformed)
            {
                text.ShouldNotContain(sequence, Case.Sensitive, $"'{text}' from {rewrites}");
            }

            text.Trim().ShouldNotBeEmpty();
        }
    }

    [Fact]
    public void Candidates_of_two_sentences_keep_their_order()
    {
        var generator = new ParaphraseGenerator(fixture.Embedder, new ParaphraseOptions { VariantsPerInput = 100 });

        var candidates = generator.Candidates(new ParaphraseInput("b", "Line one.\nI cannot log in when I start the app."));

        candidates.Count.ShouldBeGreaterThan(5);
        candidates.ShouldAllBe(c => !c.Rewrites.Contains("clause-order"));
        candidates.ShouldAllBe(c => c.Text.IndexOf("one.\n", StringComparison.OrdinalIgnoreCase) < c.Text.IndexOf("log", StringComparison.Ordinal));
        candidates.ShouldAllBe(c => c.Text.Contains("one.\n", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void GenerateFile_counts_inputs_without_variants_and_truncated()
    {
        var longText = string.Join(" ", Enumerable.Repeat("The quick brown fox jumps over the lazy dog.", 40));
        ParaphraseInput[] inputs =
        [
            new("zh", "我无法登录我的账户"),
            new("long", longText),
            new("ok", "How do I reset my password?"),
        ];
        var generator = new ParaphraseGenerator(fixture.Embedder, new ParaphraseOptions { VariantsPerInput = 1 });
        var output = Path.Combine(_folder, "summary.jsonl");

        var summary = generator.GenerateFile(inputs, output, null, CancellationToken.None);

        summary.Inputs.ShouldBe(3);
        summary.Unchanged.ShouldBe(["zh"]);
        summary.AllDropped.ShouldBeEmpty();
        summary.Truncated.ShouldBe(["long"]);
        File.ReadAllLines(output).Count(l => l.Contains("\"group\":\"zh\"", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public void GenerateFile_counts_inputs_with_every_variant_dropped()
    {
        ParaphraseInput[] inputs = [new("a", "If the order is late, I cannot get a refund."), new("b", "Buy it now.")];
        var generator = new ParaphraseGenerator(fixture.Embedder, new ParaphraseOptions { MinSimilarity = 1.0, VariantsPerInput = 1 });

        var summary = generator.GenerateFile(inputs, Path.Combine(_folder, "dropped.jsonl"), null, CancellationToken.None);

        summary.Written.ShouldBe(0);
        summary.Dropped.ShouldBe(2);
        summary.AllDropped.ShouldBe(["a", "b"]);
        summary.Unchanged.ShouldBeEmpty();
    }

    [Fact]
    public void Synonym_rewrite_keeps_capital()
    {
        var synonyms = Rewrites.All.Single(r => r.Name == "synonyms").Apply;

        var result = synonyms("Buy it now.", new Random(1));

        result.ShouldBe("Purchase it now.");
    }

    [Fact]
    public void GenerateFile_rejects_line_without_text()
    {
        var input = Path.Combine(_folder, "bad.jsonl");
        File.WriteAllLines(input, ["""{"id": "x", "prompt": "hi"}"""]);
        var generator = new ParaphraseGenerator(fixture.Embedder);

        var error = Should.Throw<InvalidDataException>(() => generator.GenerateFile(input, Path.Combine(_folder, "o.jsonl"), null, CancellationToken.None));

        error.Message.ShouldContain("bad.jsonl(1)");
        error.Message.ShouldContain("no text at 'text'");
    }

    [Fact]
    public void GenerateFile_rejects_repeated_ids()
    {
        var input = Path.Combine(_folder, "twice.jsonl");
        File.WriteAllLines(input,
        [
            """{"id": "a", "text": "Reset my password."}""",
            """{"id": "b", "text": "Where is my order?"}""",
            """{"id": "a", "text": "Close my account."}""",
            """{"text": "No id here."}""",
            """{"id": "line-4", "text": "An id that looks generated."}""",
        ]);
        var output = Path.Combine(_folder, "never.jsonl");
        var generator = new ParaphraseGenerator(fixture.Embedder);

        var error = Should.Throw<InvalidDataException>(() => generator.GenerateFile(input, output, null, CancellationToken.None));

        error.Message.ShouldBe(
            $"{input}: 2 input id(s) at 'id' repeat, and each id names one paraphrase group: 'a' on lines 1, 3; "
            + "'line-4' on lines 4, 5. Give every input its own id, or pass --id-field with a field that is unique.");
        File.Exists(output).ShouldBeFalse();
    }

    private string WriteInputs()
    {
        var path = Path.Combine(_folder, "inputs.jsonl");
        File.WriteAllLines(path, Inputs);
        return path;
    }

    private string Generate(string input, string name, int seed)
    {
        var output = Path.Combine(_folder, name);
        new ParaphraseGenerator(fixture.Embedder, new ParaphraseOptions { Seed = seed }).GenerateFile(input, output, null, CancellationToken.None);
        return output;
    }
}
