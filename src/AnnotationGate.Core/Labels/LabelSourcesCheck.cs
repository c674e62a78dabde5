using AnnotationGate.Core.Checks;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;
using AnnotationGate.Core.Evaluation;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Labels.Aggregation;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Labels;

/// <summary>
/// Scores label sources against the golden set (<c>type: label-sources</c>; the check's dataset
/// is the golden set). A source gives one label per item, or long-form crowd votes aggregated by
/// majority vote; ties are broken with the check's seeded random source. Each source gets its
/// coverage, votes per item, tie count, accuracy with a Wilson interval, expected accuracy under
/// random tie breaks and Cohen's kappa. A source below min-accuracy or min-kappa is AG2005.
/// </summary>
public sealed class LabelSourcesCheck : IGateStep
{
    /// <summary>Tie rule as printed under the scoreboard and in the documentation.</summary>
    public const string TieRule =
        "Majority vote per item; a tie between labels with the same top count is broken by a seeded random draw " +
        "(the gate's seed and the check id), so reruns agree. Expected accuracy gives a tied item 1/k when the " +
        "golden label is one of its k tied labels.";

    private readonly LabelSourcesCheckConfig _config;
    private readonly FieldPath _goldenLabel;
    private readonly IReadOnlyList<LabelSourceReader> _sources;

    private LabelSourcesCheck(
        string id,
        LabelSourcesCheckConfig config,
        FieldPath goldenLabel,
        IReadOnlyList<LabelSourceReader> sources)
    {
        Id = id;
        _config = config;
        _goldenLabel = goldenLabel;
        _sources = sources;
    }

    public string Id { get; }

    /// <summary>Validates the configuration; returns null after recording errors in <paramref name="setup"/>.</summary>
    public static LabelSourcesCheck? Create(LabelSourcesCheckConfig config, CheckSetup setup)
    {
        var goldenLabel = GoldenLabel(config, setup);
        var names = config.Sources.Count > 0 ? config.Sources : DefaultSources(config, setup);
        var listed = config.Sources.Count > 0;
        var sources = names
            .Select((name, i) => SourceReader(setup, name, listed ? $"sources/{i}" : "sources"))
            .ToList();
        if (goldenLabel is null || sources.Count == 0 || sources.Contains(null))
        {
            return null;
        }

        return new LabelSourcesCheck(setup.CheckId, config, goldenLabel, [.. sources.OfType<LabelSourceReader>()]);
    }

    public Task<CheckResult> RunAsync(CheckContext context, CancellationToken cancellationToken) =>
        Task.FromResult(Run(context, name => context.ReadDataset(name, cancellationToken)));

    /// <summary>Scores every source on records that <paramref name="read"/> returns per dataset name.</summary>
    internal CheckResult Run(CheckContext context, Func<string, IEnumerable<DataRecord>> read)
    {
        var golden = GoldenSet.Read(_config.Dataset, read(_config.Dataset), _goldenLabel, [], context);
        var scores = new List<SourceScore>();
        foreach (var source in _sources)
        {
            var tally = new VoteTally();
            // Each source draws from a fresh seeded source, so its tie breaks do not depend on the other sources.
            var votes = MajorityVote.Aggregate(source.Votes(read(source.Dataset), tally), context.CreateRandom());
            scores.Add(SourceScore.Create(source.Dataset, source.IsCrowd, votes, golden, tally));
        }

        var builder = new LabelSourcesResultBuilder(Id, _config, context);
        return builder.Build(golden, scores);
    }

    private static FieldPath? GoldenLabel(LabelSourcesCheckConfig config, CheckSetup setup)
    {
        if (!setup.Config.Datasets.TryGetValue(config.Dataset, out var golden))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(golden.Labels?.Field) || string.IsNullOrWhiteSpace(golden.Id))
        {
            setup.Fail("dataset",
                $"Golden dataset '{config.Dataset}' needs an id and labels.field to score sources against. " +
                "Add id: FIELD and labels: { field: NAME } to that dataset.");
            return null;
        }

        return setup.FieldPath("dataset", golden.Labels.Field);
    }

    private static List<string> DefaultSources(LabelSourcesCheckConfig config, CheckSetup setup)
    {
        var names = setup.Config.Datasets
            .Where(kv => kv.Key != config.Dataset && !string.IsNullOrWhiteSpace(kv.Value.Labels?.Field))
            .Select(kv => kv.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (names.Count == 0)
        {
            setup.Fail("sources",
                $"No dataset other than '{config.Dataset}' has labels.field, so there is no source to score. " +
                "Add labels: { field: NAME } to a source dataset, or list datasets under sources.");
        }

        return names;
    }

    private static LabelSourceReader? SourceReader(CheckSetup setup, string name, string key)
    {
        var dataset = setup.Dataset(key, name);
        if (dataset is null)
        {
            return null;
        }

        var labels = dataset.Labels;
        if (string.IsNullOrWhiteSpace(labels?.Field))
        {
            setup.Fail(key,
                $"Source dataset '{name}' has no labels.field. Add labels: {{ field: NAME }} naming its label field.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(labels.Item) && string.IsNullOrWhiteSpace(dataset.Id))
        {
            setup.Fail(key,
                $"Source dataset '{name}' has neither labels.item nor an id, " +
                "so its labels cannot be matched to golden items. " +
                "Add id: FIELD, or labels.item for long-form votes.");
            return null;
        }

        var label = setup.FieldPath(key, labels.Field);
        var item = setup.FieldPath(key, labels.Item);
        var annotator = setup.FieldPath(key, labels.Annotator);
        return label is null ? null : new LabelSourceReader(name, label, item, annotator);
    }
}
