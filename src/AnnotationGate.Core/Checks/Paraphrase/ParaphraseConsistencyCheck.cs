using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;
using AnnotationGate.Core.Embeddings;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Checks.Paraphrase;

/// <summary>
/// Checks that a model answers paraphrases of one input alike. Records are grouped by a group field
/// (or by the original input's id); within each group every pair of outputs is compared by embedding
/// cosine similarity, exact equality or field by field. The check fails when the share of groups with
/// a pair below the minimum similarity exceeds <c>max-inconsistent-groups</c>.
/// </summary>
public sealed class ParaphraseConsistencyCheck : IGateStep
{
    /// <summary>Default <c>min-similarity</c> for <c>compare: embedding</c>.</summary>
    public const double DefaultEmbeddingSimilarity = 0.80;

    /// <summary>Texts embedded per call while the dataset streams; the TF-IDF fallback embeds all at once.</summary>
    internal const int EmbeddingChunk = 2048;

    private readonly ParaphraseCheckConfig _config;
    private readonly GroupCollector _collector;

    private ParaphraseConsistencyCheck(string id, ParaphraseCheckConfig config, GroupCollector collector)
    {
        Id = id;
        _config = config;
        _collector = collector;
    }

    public string Id { get; }

    /// <summary>Threshold in force: the configured one, else 0.80 for embeddings and 1.0 otherwise.</summary>
    public double MinSimilarity => _config.MinSimilarity
        ?? (_config.Compare == ParaphraseComparison.Embedding ? DefaultEmbeddingSimilarity : 1.0);

    /// <summary>Validates the configuration; returns null after recording errors in <paramref name="setup"/>.</summary>
    public static ParaphraseConsistencyCheck? Create(ParaphraseCheckConfig config, CheckSetup setup)
    {
        var valid = ValidateGrouping(config, setup);
        var field = setup.FieldPath("field", config.Field);
        var group = setup.FieldPath("group", config.Group);
        var inputId = setup.FieldPath("input-id", config.InputId);
        var variant = setup.FieldPath("variant", config.Variant);
        var fields = config.Fields.Select((f, i) => setup.FieldPath($"fields/{i}", f)).ToList();
        valid &= ValidateComparison(config, setup);
        if (!valid || field is null || (group ?? inputId) is null || fields.Any(f => f is null)
            || (config.Variant is not null && variant is null))
        {
            return null;
        }

        var collector = new GroupCollector(config, field, (group ?? inputId)!, variant, [.. fields.Select(f => f!)]);
        return new ParaphraseConsistencyCheck(setup.CheckId, config, collector);
    }

    /// <inheritdoc />
    public Task<CheckResult> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        ITextEmbedder? embedder = null;
        if (_config.Compare == ParaphraseComparison.Embedding)
        {
            embedder = FindEmbedder(context);
            if (embedder is null)
            {
                return Task.FromResult(MissingEmbedder(context));
            }
        }

        var similarity = new PairSimilarity(_config.Compare, embedder);
        var records = _collector.CountRecords(context, cancellationToken);
        var chunk = similarity.NeedsOneCall ? int.MaxValue : EmbeddingChunk;
        var stream = new GroupStream(records, similarity, MinSimilarity, chunk);
        var counts = new ReadCounts();
        foreach (var (group, member) in _collector.Members(context, counts, cancellationToken))
        {
            stream.Add(group, member, cancellationToken);
        }

        stream.Finish(cancellationToken);
        var truncated = similarity.Truncated.Where(m => !stream.IsSingle(m)).ToList();
        var singles = stream.Singles.ToList();
        var report = new ParaphraseReport(_config, Id, MinSimilarity);
        report.ReportSingles(context, singles);
        report.ReportTruncated(context, truncated);
        var skipped = counts.WithoutGroup + counts.WithoutOutput + singles.Count;
        var result = report.Complete(context, stream.Tally, stream.Inconsistent, skipped, truncated.Count);
        return Task.FromResult(stream.Tally.Groups > 0 ? result : ComparedNothing(context, result, counts, singles.Count));
    }

    // A check that compared no group verified nothing (a misspelt group or output field looks like
    // this), so it must not read as passed.
    private CheckResult ComparedNothing(CheckContext context, CheckResult result, ReadCounts counts, int singles)
    {
        var message = $"Check '{Id}' compared no paraphrase group, so it verified nothing: of the {counts.Read} records "
            + $"read from dataset '{_config.Dataset}', {counts.WithoutGroup} have no value at '{_config.Group ?? _config.InputId}', "
            + $"{counts.WithoutOutput} have no usable output at '{_config.Field}' and {singles} are alone in their group. "
            + "Fix the field paths, or give each group two or more records.";
        var finding = new Finding(RuleCatalog.CheckEvaluatedNoRecords, Severity.Error, message) { Dataset = _config.Dataset };
        context.Report(finding);
        return context.EffectiveSeverity(finding) == Severity.Error
            ? result with { Status = CheckStatus.Failed, StatusReason = CheckResult.NoRecordsReason }
            : result;
    }

    private static bool ValidateGrouping(ParaphraseCheckConfig config, CheckSetup setup)
    {
        if ((config.Group is null) == (config.InputId is null))
        {
            setup.Fail("group", "Give exactly one of group (a field naming the paraphrase group) and input-id (a field with the original input's id).");
            return false;
        }

        if (config.Variant is not null && config.InputId is null)
        {
            setup.Fail("variant", "The key variant is used only with input-id. Remove it, or group records by input-id.");
            return false;
        }

        return true;
    }

    private static bool ValidateComparison(ParaphraseCheckConfig config, CheckSetup setup)
    {
        if (config.Compare == ParaphraseComparison.Fields && config.Fields.Count == 0)
        {
            setup.Fail("fields", "compare: fields needs a list of field paths under fields, such as [intent, priority].");
            return false;
        }

        if (config.Compare != ParaphraseComparison.Fields && config.Fields.Count > 0)
        {
            setup.Fail("fields", $"The key fields is used only with compare: fields, but compare is {Kebab(config.Compare)}. Remove fields, or set compare: fields.");
            return false;
        }

        if (config.Compare != ParaphraseComparison.Embedding && config.Model is not null)
        {
            setup.Fail("model", $"The key model is used only with compare: embedding, but compare is {Kebab(config.Compare)}. Remove model, or set compare: embedding.");
            return false;
        }

        if (config.Compare == ParaphraseComparison.Embedding && config.IgnoreCase)
        {
            setup.Fail("ignore-case", "The key ignore-case is used only with compare: exact or fields; embeddings already ignore case (the model lower-cases text). Remove ignore-case.");
            return false;
        }

        if (config.Compare == ParaphraseComparison.Embedding && config.ModelName is not ("minilm" or "tfidf"))
        {
            setup.Fail("model", $"Embedding model '{config.ModelName}' is unknown. Use minilm (all-MiniLM-L6-v2) or tfidf (the lexical fallback).");
            return false;
        }

        return true;
    }

    private ITextEmbedder? FindEmbedder(CheckContext context)
    {
        if (context.Services.GetService(typeof(ITextEmbedderSelector)) is ITextEmbedderSelector selector
            && selector.Select(_config.ModelName) is { } selected)
        {
            return selected;
        }

        return _config.ModelName == "minilm" ? context.Services.GetService(typeof(ITextEmbedder)) as ITextEmbedder : null;
    }

    private CheckResult MissingEmbedder(CheckContext context)
    {
        context.Report(new Finding(RuleCatalog.InvalidGateFile, Severity.Error,
            $"Check '{Id}' compares outputs by embedding with model '{_config.ModelName}', but this host has no embedding engine. "
            + "Run it with the annotationgate command-line tool, or set compare: exact or compare: fields.")
        {
            Dataset = _config.Dataset,
        });
        return new CheckResult(Id, _config.Type)
        {
            Dataset = _config.Dataset,
            Status = CheckStatus.Error,
            Summary = "Not run: no embedding engine is available.",
        };
    }

    private static string Kebab(ParaphraseComparison comparison) => comparison.ToString().ToLowerInvariant();
}
