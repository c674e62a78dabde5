using System.Globalization;
using System.Text;
using System.Text.Json;
using AnnotationGate.Core.Data;
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
    /// Reads JSONL inputs (one object per line with the text and id fields of the options) and writes
    /// JSONL lines <c>{"id", "group", "variant", "text", "similarity", "rewrites"}</c>: variant 0 is
    /// the original, variants 1 and up are the kept paraphrases. Throws <see cref="InvalidDataException"/>
    /// naming the line of an input that is not a JSON object or has no text.
    /// </summary>
    public ParaphraseSummary GenerateFile(string inputPath, string outputPath, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var inputs = ReadInputs(inputPath);
        var (variants, dropped) = GenerateCore(inputs, progress, cancellationToken);
        using var writer = new StreamWriter(outputPath, append: false, new UTF8Encoding(false));
        foreach (var variant in variants)
        {
            writer.Write(ToJsonLine(variant));
            writer.Write('\n');
        }

        var kept = variants.Count(v => v.Variant > 0);
        return new ParaphraseSummary(inputs.Count, kept, dropped);
    }

    /// <summary>Returns the original and the kept variants of every input, grouped by input, in input order.</summary>
    public IReadOnlyList<ParaphraseVariant> Generate(IReadOnlyList<ParaphraseInput> inputs, IProgress<int>? progress, CancellationToken cancellationToken) =>
        GenerateCore(inputs, progress, cancellationToken).Variants;

    private (List<ParaphraseVariant> Variants, int Dropped) GenerateCore(
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
        return Select(inputs, candidates, vectors);
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
    private List<(string Text, string Rewrites)> Candidates(ParaphraseInput input)
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

    private List<ParaphraseInput> ReadInputs(string path)
    {
        var textPath = FieldPath.Parse(_options.TextField);
        var idPath = FieldPath.Parse(_options.IdField);
        var inputs = new List<ParaphraseInput>();
        var lines = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var input = ParseInput(path, lineNumber, line, textPath, idPath);
            inputs.Add(input);
            if (!lines.TryGetValue(input.Id, out var seen))
            {
                lines[input.Id] = seen = [];
            }

            seen.Add(lineNumber);
        }

        ThrowOnRepeatedIds(path, lines);
        return inputs;
    }

    // Each id names a paraphrase group, so two inputs with one id would silently become one group.
    private void ThrowOnRepeatedIds(string path, Dictionary<string, List<int>> lines)
    {
        var repeated = lines.Where(l => l.Value.Count > 1).ToList();
        if (repeated.Count == 0)
        {
            return;
        }

        const int Shown = 5;
        var examples = string.Join("; ", repeated.Take(Shown).Select(r =>
            $"'{r.Key}' on lines {string.Join(", ", r.Value.Take(Shown).Select(n => n.ToString(CultureInfo.InvariantCulture)))}"
            + (r.Value.Count > Shown ? $" and {(r.Value.Count - Shown).ToString(CultureInfo.InvariantCulture)} more" : "")));
        var more = repeated.Count > Shown ? $" ({repeated.Count.ToString(CultureInfo.InvariantCulture)} ids repeat in all)" : "";
        throw new InvalidDataException(
            $"{path}: {repeated.Count.ToString(CultureInfo.InvariantCulture)} input id(s) at '{_options.IdField}' repeat, and each id names one paraphrase group: "
            + $"{examples}{more}. Give every input its own id, or pass --id-field with a field that is unique.");
    }

    private static ParaphraseInput ParseInput(string path, int lineNumber, string line, FieldPath textPath, FieldPath idPath)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}({lineNumber}): the line is not valid JSON ({ex.Message}) Write one JSON object per line.", ex);
        }

        using (document)
        {
            var text = textPath.ResolveText(document.RootElement)
                ?? throw new InvalidDataException($"{path}({lineNumber}): the record has no text at '{textPath}'. Add the field, or pass the field path that holds the input text.");
            var id = idPath.ResolveText(document.RootElement) ?? $"line-{lineNumber.ToString(CultureInfo.InvariantCulture)}";
            return new ParaphraseInput(id, text);
        }
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

    /// <summary>Field path of the input id; a record without one gets <c>line-N</c>. Default <c>id</c>.</summary>
    public string IdField { get; init; } = "id";

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
public sealed record ParaphraseSummary(int Inputs, int Written, int Dropped);
