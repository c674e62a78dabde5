using System.CommandLine;
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
    public static Command Create(TextWriter output, TextWriter error)
    {
        var inputs = new Argument<string>("inputs") { Description = "JSONL file of inputs, one object per line with an id and a text field." };
        var file = new Option<string>("--output", "-o") { Description = "JSONL file to write: id, group, variant, text, similarity, rewrites.", Required = true };
        var textField = new Option<string>("--text-field") { Description = "Field of the input text. Default: text.", DefaultValueFactory = _ => "text" };
        var idField = new Option<string>("--id-field") { Description = "Field of the input id. Default: id.", DefaultValueFactory = _ => "id" };
        var variants = new Option<int>("--variants") { Description = "Variants to write per input, the original excluded. Default: 4.", DefaultValueFactory = _ => 4 };
        var minSimilarity = new Option<double>("--min-similarity") { Description = "Cosine similarity to the original below which a variant is dropped as a change of meaning. Default: 0.85.", DefaultValueFactory = _ => 0.85 };
        var seed = new Option<int>("--seed") { Description = "Seed of the rewrite choices; the same seed gives the same file. Default: 42.", DefaultValueFactory = _ => 42 };
        var cache = CacheOption.Create();
        var command = new Command("paraphrase", "Generates paraphrased variants of inputs (case, punctuation, whitespace, contractions, synonyms, clause order), keeping only those whose embedding stays close to the original.")
        {
            inputs, file, textField, idField, variants, minSimilarity, seed, cache,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var inputPath = parseResult.GetValue(inputs)!;
            var outputPath = parseResult.GetValue(file)!;
            if (parseResult.GetValue(variants) < 1 || parseResult.GetValue(minSimilarity) is < 0 or > 1)
            {
                error.WriteLine("error: --variants must be at least 1 and --min-similarity between 0 and 1.");
                return Task.FromResult(ExitCodes.CouldNotRun);
            }

            if (Path.GetFullPath(inputPath) == Path.GetFullPath(outputPath))
            {
                error.WriteLine($"error: --output '{outputPath}' is the input file; choose another file so the inputs are not overwritten.");
                return Task.FromResult(ExitCodes.CouldNotRun);
            }

            var cacheFolder = EmbeddingServices.ResolveCacheDirectory(parseResult.GetValue(cache), Path.GetDirectoryName(Path.GetFullPath(inputPath))!);
            using var services = new EmbeddingServices(cacheFolder);
            var options = new ParaphraseOptions
            {
                TextField = parseResult.GetValue(textField)!,
                IdField = parseResult.GetValue(idField)!,
                VariantsPerInput = parseResult.GetValue(variants),
                MinSimilarity = parseResult.GetValue(minSimilarity),
                Seed = parseResult.GetValue(seed),
            };
            try
            {
                var embedder = (ITextEmbedder)services.GetService(typeof(ITextEmbedder))!;
                var progress = new EmbeddingProgress(error);
                var summary = new ParaphraseGenerator(embedder, options).GenerateFile(inputPath, outputPath, progress, cancellationToken);
                output.WriteLine($"Wrote {outputPath}: {summary.Inputs} originals and {summary.Written} variants; {summary.Dropped} variants dropped below similarity {options.MinSimilarity:0.00}.");
                return Task.FromResult(ExitCodes.Passed);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"error: {ex.Message}");
                return Task.FromResult(ExitCodes.CouldNotRun);
            }
        });
        return command;
    }
}
