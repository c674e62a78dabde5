using System.CommandLine;
using System.Globalization;
using AnnotationGate.Cli.Output;
using AnnotationGate.Core.Embeddings;
using AnnotationGate.Embeddings;
using AnnotationGate.Embeddings.Paraphrasing;

namespace AnnotationGate.Cli.Commands;

/// <summary>
/// <c>annotationgate paraphrase INPUTS -o FILE</c>: writes meaning-keeping variants of each input,
/// with their embedding similarity to the original, for the paraphrase-consistency check.
/// </summary>
public static class ParaphraseCommand
{
    private const int MaxListedIds = 3;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var inputs = new Argument<string>("inputs") { Description = "JSONL file of inputs, one object per line with an id and a text field." };
        var file = new Option<string>("--output", "-o") { Description = "JSONL file to write: id, group, variant, text, similarity, rewrites.", Required = true };
        var textField = new Option<string>("--text-field") { Description = "Field of the input text. Default: text.", DefaultValueFactory = _ => "text" };
        var idField = new Option<string>("--id-field") { Description = "Field of the input id; when given, every input must have it. Default: id, and an input without one gets line-N.", DefaultValueFactory = _ => "id" };
        var variants = new Option<int>("--variants") { Description = "Variants to write per input, the original excluded. Default: 4.", DefaultValueFactory = _ => 4 };
        var minSimilarity = new Option<double>("--min-similarity") { Description = "Cosine similarity to the original below which a variant is dropped as a change of meaning. Default: 0.85.", DefaultValueFactory = _ => 0.85 };
        var seed = new Option<int>("--seed") { Description = "Seed of the rewrite choices; the same seed gives the same file. Default: 42.", DefaultValueFactory = _ => 42 };
        var cache = CacheOption.Create("the inputs file");
        var command = new Command("paraphrase", "Generates paraphrased variants of inputs (case, punctuation, whitespace, contractions, synonyms, clause order), keeping only those whose embedding stays close to the original.")
        {
            inputs, file, textField, idField, variants, minSimilarity, seed, cache,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var optionErrors = ValidateOptions(parseResult.GetValue(variants), parseResult.GetValue(minSimilarity));
            if (optionErrors.Count > 0)
            {
                optionErrors.ForEach(message => error.WriteLine($"error: {message}"));
                return Task.FromResult(ExitCodes.CouldNotRun);
            }

            var options = new ParaphraseOptions
            {
                TextField = parseResult.GetValue(textField)!,
                IdField = parseResult.GetValue(idField)!,
                RequireIds = parseResult.GetResult(idField) is { Implicit: false },
                VariantsPerInput = parseResult.GetValue(variants),
                MinSimilarity = parseResult.GetValue(minSimilarity),
                Seed = parseResult.GetValue(seed),
            };
            var paths = new Paths(parseResult.GetValue(inputs)!, parseResult.GetValue(file)!, parseResult.GetValue(cache));
            return Task.FromResult(Run(paths, options, output, error, cancellationToken));
        });
        return command;
    }

    private static List<string> ValidateOptions(int variants, double minSimilarity)
    {
        var messages = new List<string>();
        if (variants < 1)
        {
            messages.Add($"--variants is {variants.ToString(CultureInfo.InvariantCulture)}; it must be 1 or more.");
        }

        if (!(minSimilarity >= 0 && minSimilarity <= 1))
        {
            var value = minSimilarity.ToString(CultureInfo.InvariantCulture);
            messages.Add($"--min-similarity is {value}; it must be between 0 and 1.");
        }

        return messages;
    }

    // Checks the paths and reads every input before the model loads, so mistakes fail in well under a second.
    private static int Run(
        Paths paths, ParaphraseOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            ParaphraseFiles.CheckPaths(paths.Input, paths.Output);
            var inputs = ParaphraseInputReader.Read(paths.Input, options);
            var inputFolder = Path.GetDirectoryName(Path.GetFullPath(paths.Input))!;
            using var services = new EmbeddingServices(EmbeddingServices.ResolveCacheDirectory(paths.Cache, inputFolder));
            var embedder = (ITextEmbedder)services.GetService(typeof(ITextEmbedder))!;
            var progress = new EmbeddingProgress(error);
            var generator = new ParaphraseGenerator(embedder, options);
            var summary = generator.GenerateFile(inputs, paths.Output, progress, cancellationToken);
            WriteSummary(output, paths.Output, summary, options.MinSimilarity);
            return ExitCodes.Passed;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {ex.Message}");
            return ExitCodes.CouldNotRun;
        }
    }

    private static void WriteSummary(TextWriter output, string outputPath, ParaphraseSummary summary, double minSimilarity)
    {
        var threshold = minSimilarity.ToString(CultureInfo.InvariantCulture);
        output.WriteLine(
            $"Wrote {outputPath}: {Counted(summary.Inputs, "original")} and {Counted(summary.Written, "variant")}; "
            + $"{Counted(summary.Dropped, "variant")} dropped below similarity {threshold}.");
        var withoutVariant = summary.Unchanged.Count + summary.AllDropped.Count;
        if (withoutVariant > 0)
        {
            var reasons = new List<string>();
            if (summary.Unchanged.Count > 0)
            {
                reasons.Add($"{Count(summary.Unchanged.Count)} because no rewrite changed the text ({Ids(summary.Unchanged)})");
            }

            if (summary.AllDropped.Count > 0)
            {
                reasons.Add($"{Count(summary.AllDropped.Count)} because every variant was below similarity {threshold} "
                    + $"({Ids(summary.AllDropped)})");
            }

            output.WriteLine($"{Inputs(withoutVariant)} got no variant: {string.Join("; ", reasons)}.");
        }

        if (summary.Truncated.Count > 0)
        {
            var limit = MiniLmEmbedder.MaxTokens.ToString(CultureInfo.InvariantCulture);
            var (verb, pronoun) = summary.Truncated.Count == 1 ? ("was", "its") : ("were", "their");
            output.WriteLine($"{Inputs(summary.Truncated.Count)} {verb} longer than the model's {limit}-word-piece limit; "
                + $"{pronoun} similarity covers the first {limit} pieces ({Ids(summary.Truncated)}).");
        }
    }

    private static string Inputs(int count) => Counted(count, "input");

    private static string Counted(int count, string noun) => $"{Count(count)} {noun}{(count == 1 ? "" : "s")}";

    private static string Ids(IReadOnlyList<string> ids)
    {
        var listed = string.Join(", ", ids.Take(MaxListedIds).Select(id => $"'{id}'"));
        return ids.Count > MaxListedIds ? $"{listed} and {Count(ids.Count - MaxListedIds)} more" : listed;
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed record Paths(string Input, string Output, string? Cache);
}
