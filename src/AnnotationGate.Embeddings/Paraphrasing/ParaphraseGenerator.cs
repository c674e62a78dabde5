using System.Text;
using System.Text.Json;
using AnnotationGate.Core.Embeddings;

namespace AnnotationGate.Embeddings.Paraphrasing;

/// <summary>
/// Writes paraphrased variants of input texts for teams that have none: meaning-keeping rewrites
/// chosen by a seeded random source, each scored by its embedding similarity to the original, and
/// dropped when the score is below <see cref="ParaphraseOptions.MinSimilarity"/>. The same inputs,
/// options and model give the same output file.
/// </summary>
public sealed class ParaphraseGenerator
{
    private const int AttemptsPerVariant = 4;

    private readonly ITextEmbedder _embedder;
    private readonly ParaphraseOptions _options;

    public ParaphraseGenerator(ITextEmbedder embedder, ParaphraseOptions? options = null)
    {
        _embedder = embedder;
        _options = options ?? new ParaphraseOptions();
    }

    /// <summary>
    /// Reads JSONL inputs with <see cref="ParaphraseInputReader"/> and writes JSONL lines
    /// <c>{"id", "group", "variant", "text", "similarity", "rewrites"}</c>: variant 0 is the original,
    /// variants 1 and up are the kept paraphrases. Throws the exceptions of
    /// <see cref="ParaphraseFiles.CheckPaths"/> and <see cref="ParaphraseInputReader.Read"/> before any
    /// text is embedded. The output file is replaced only when every line is written.
    /// </summary>
    public ParaphraseSummary GenerateFile(
        string inputPath, string outputPath, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ParaphraseFiles.CheckPaths(inputPath, outputPath);
        var inputs = ParaphraseInputReader.Read(inputPath, _options);
        return GenerateFile(inputs, outputPath, progress, cancellationToken);
    }

    /// <summary>
    /// Writes the original and the kept variants of <paramref name="inputs"/> to <paramref name="outputPath"/>
    /// as JSONL, replacing the file only when every line is written.
    /// </summary>
    public ParaphraseSummary GenerateFile(
        IReadOnlyList<ParaphraseInput> inputs, string outputPath, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var (variants, summary) = GenerateCore(inputs, progress, cancellationToken);
        ParaphraseFiles.WriteAtomically(outputPath, writer =>
        {
            foreach (var variant in variants)
            {
                writer.Write(ToJsonLine(variant));
                writer.Write('\n');
            }
        });
        return summary;
    }

    /// <summary>Returns the original and the kept variants of every input, grouped by input, in input order.</summary>
    public IReadOnlyList<ParaphraseVariant> Generate(IReadOnlyList<ParaphraseInput> inputs, IProgress<int>? progress, CancellationToken cancellationToken) =>
        GenerateCore(inputs, progress, cancellationToken).Variants;

    private (List<ParaphraseVariant> Variants, ParaphraseSummary Summary) GenerateCore(
        IReadOnlyList<ParaphraseInput> inputs, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var candidates = inputs.Select(Candidates).ToArray();
        var texts = new List<string>();
        foreach (var (input, list) in inputs.Zip(candidates))
        {
            texts.Add(input.Text);
            texts.AddRange(list.Select(c => c.Text));
        }

        var vectors = _embedder.Embed(texts, progress, cancellationToken);
        var (variants, dropped) = Select(inputs, candidates, vectors);
        var groupsWithVariants = variants.Where(v => v.Variant > 0)
            .Select(v => v.Group)
            .ToHashSet(StringComparer.Ordinal);
        var summary = new ParaphraseSummary(inputs.Count, variants.Count(v => v.Variant > 0), dropped)
        {
            Unchanged = [.. inputs.Where((_, i) => candidates[i].Count == 0).Select(input => input.Id)],
            AllDropped = [.. inputs.Where((input, i) => candidates[i].Count > 0 && !groupsWithVariants.Contains(input.Id))
                .Select(input => input.Id)],
            Truncated = [.. inputs.Where(input => _embedder.IsTruncated(input.Text)).Select(input => input.Id)],
        };
        return (variants, summary);
    }

    private (List<ParaphraseVariant> Variants, int Dropped) Select(IReadOnlyList<ParaphraseInput> inputs, List<(string Text, string Rewrites)>[] candidates, IReadOnlyList<float[]> vectors)
    {
        var result = new List<ParaphraseVariant>();
        var dropped = 0;
        var position = 0;
        for (var i = 0; i < inputs.Count; i++)
        {
            var original = vectors[position++];
            result.Add(new ParaphraseVariant($"{inputs[i].Id}~0", inputs[i].Id, 0, inputs[i].Text, 1.0, ""));
            var variant = 0;
            foreach (var (text, rewrites) in candidates[i])
            {
                var similarity = Math.Round(Pooling.Cosine(original, vectors[position++]), 4);
                if (similarity < _options.MinSimilarity)
                {
                    dropped++;
                    continue;
                }

                variant++;
                result.Add(new ParaphraseVariant($"{inputs[i].Id}~{variant}", inputs[i].Id, variant, text, similarity, rewrites));
            }
        }

        return (result, dropped);
    }

    // Tries random pairs of rewrites until it has VariantsPerInput distinct texts or runs out of attempts.
    internal List<(string Text, string Rewrites)> Candidates(ParaphraseInput input)
    {
        var random = new Random(_options.Seed ^ StableHash(input.Id));
        var seen = new HashSet<string>(StringComparer.Ordinal) { input.Text };
        var found = new List<(string, string)>();
        for (var attempt = 0; attempt < _options.VariantsPerInput * AttemptsPerVariant && found.Count < _options.VariantsPerInput; attempt++)
        {
            var picks = PickRewrites(random);
            var text = input.Text;
            var applied = new List<string>();
            foreach (var index in picks)
            {
                // Name only the rewrites that changed the text: one that found nothing to change is not applied.
                var rewritten = Rewrites.All[index].Apply(text, random);
                if (rewritten != text)
                {
                    applied.Add(Rewrites.All[index].Name);
                    text = rewritten;
                }
            }

            if (applied.Count > 0 && seen.Add(text))
            {
                found.Add((text, string.Join("+", applied)));
            }
        }

        return found;
    }

    private static int[] PickRewrites(Random random)
    {
        var first = random.Next(Rewrites.All.Count);
        var second = random.Next(Rewrites.All.Count);
        return first == second || random.Next(2) == 0 ? [first] : [Math.Min(first, second), Math.Max(first, second)];
    }

    private static string ToJsonLine(ParaphraseVariant variant)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("id", variant.Id);
            json.WriteString("group", variant.Group);
            json.WriteNumber("variant", variant.Variant);
            json.WriteString("text", variant.Text);
            json.WriteNumber("similarity", variant.Similarity);
            json.WriteString("rewrites", variant.Rewrites);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }
    }
}

/// <summary>Settings of <see cref="ParaphraseGenerator"/>.</summary>
public sealed class ParaphraseOptions
{
    /// <summary>Field path of the input text in each JSONL record. Default <c>text</c>.</summary>
    public string TextField { get; init; } = "text";

    /// <summary>
    /// Field path of the input id; a record without one gets <c>line-N</c> unless <see cref="RequireIds"/>
    /// is set. Default <c>id</c>.
    /// </summary>
    public string IdField { get; init; } = "id";

    /// <summary>
    /// Whether every input must have an id at <see cref="IdField"/>, as when the user named the field.
    /// Default false.
    /// </summary>
    public bool RequireIds { get; init; }

    /// <summary>Seed of the rewrite choices. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Candidate variants tried per input, before the similarity filter. Default 4.</summary>
    public int VariantsPerInput { get; init; } = 4;

    /// <summary>Minimum cosine similarity to the original for a variant to be kept. Default 0.85.</summary>
    public double MinSimilarity { get; init; } = 0.85;
}

/// <summary>One input text and its id, which becomes the paraphrase group.</summary>
public sealed record ParaphraseInput(string Id, string Text);

/// <summary>
/// One output line: <see cref="Variant"/> 0 is the original; <see cref="Similarity"/> is the cosine
/// similarity to it, rounded to 4 decimals; <see cref="Rewrites"/> names the rewrites applied, joined by '+'.
/// </summary>
public sealed record ParaphraseVariant(string Id, string Group, int Variant, string Text, double Similarity, string Rewrites);

/// <summary>Counts of one generation: inputs read, variants written (originals excluded), variants dropped.</summary>
public sealed record ParaphraseSummary(int Inputs, int Written, int Dropped)
{
    /// <summary>Ids of the inputs that no rewrite changed, so they have no variant.</summary>
    public IReadOnlyList<string> Unchanged { get; init; } = [];

    /// <summary>Ids of the inputs whose every variant was dropped below the minimum similarity.</summary>
    public IReadOnlyList<string> AllDropped { get; init; } = [];

    /// <summary>Ids of the inputs longer than the model's input limit, so their similarity covers the first part only.</summary>
    public IReadOnlyList<string> Truncated { get; init; } = [];
}
