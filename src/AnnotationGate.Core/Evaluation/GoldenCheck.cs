using AnnotationGate.Core.Checks;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Evaluation;

/// <summary>
/// Scores predictions against an expert golden set joined by record id (<c>type: golden</c>):
/// accuracy with its Wilson interval, per-class precision, recall and F1, macro, micro and weighted
/// F1, coverage, a confusion matrix and per-slice scores. A golden item without a prediction counts
/// as wrong (AG2002); a prediction whose id is not in the golden set is not scored (AG2003). Each
/// threshold below its minimum is an AG2001 finding.
/// </summary>
public sealed class GoldenCheck : IGateStep
{
    private readonly GoldenCheckConfig _config;
    private readonly FieldPath _goldenLabel;
    private readonly FieldPath _prediction;
    private readonly IReadOnlyList<FieldPath> _slices;
    private readonly IReadOnlyList<GoldenThreshold> _thresholds;

    private GoldenCheck(
        string id,
        GoldenCheckConfig config,
        FieldPath goldenLabel,
        FieldPath prediction,
        IReadOnlyList<FieldPath> slices,
        IReadOnlyList<GoldenThreshold> thresholds)
    {
        Id = id;
        _config = config;
        _goldenLabel = goldenLabel;
        _prediction = prediction;
        _slices = slices;
        _thresholds = thresholds;
    }

    public string Id { get; }

    /// <summary>Validates the configuration; returns null after recording errors in <paramref name="setup"/>.</summary>
    public static GoldenCheck? Create(GoldenCheckConfig config, CheckSetup setup)
    {
        var goldenLabel = GoldenLabelPath(config, setup);
        RequireId(setup, "dataset", config.Dataset);
        var prediction = setup.FieldPath("prediction", config.Prediction);
        var slices = config.Slices.Select((s, i) => setup.FieldPath($"slices/{i}", s)).ToList();
        var thresholds = ParseThresholds(config, setup);
        if (goldenLabel is null || prediction is null || thresholds is null || slices.Contains(null)
            || !HasId(setup, config.Dataset) || !HasId(setup, config.Golden))
        {
            return null;
        }

        FieldPath[] slicePaths = [.. slices.OfType<FieldPath>()];
        return new GoldenCheck(setup.CheckId, config, goldenLabel, prediction, slicePaths, thresholds);
    }

    public Task<CheckResult> RunAsync(CheckContext context, CancellationToken cancellationToken) =>
        Task.FromResult(Run(context, name => context.ReadDataset(name, cancellationToken)));

    /// <summary>Runs the evaluation on records that <paramref name="read"/> returns per dataset name.</summary>
    internal CheckResult Run(CheckContext context, Func<string, IEnumerable<DataRecord>> read)
    {
        var golden = GoldenSet.Read(_config.Golden, read(_config.Golden), _goldenLabel, _slices, context);
        var (predictions, unknown) = ReadPredictions(context, read(_config.Dataset), golden);
        var outcomes = golden.Items.Values
            .OrderBy(item => item.Id, StringComparer.Ordinal)
            .Select(item => new ItemOutcome(item.Id, item.Label, predictions.GetValueOrDefault(item.Id), item.Slices))
            .ToList();
        ReportMissing(context, golden, outcomes);

        var builder = new GoldenResultBuilder(Id, _config, _thresholds, context);
        return builder.Build(golden, outcomes, unknown);
    }

    private static FieldPath? GoldenLabelPath(GoldenCheckConfig config, CheckSetup setup)
    {
        var golden = setup.Dataset("golden", config.Golden);
        if (golden is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(golden.Labels?.Field))
        {
            setup.Fail("golden",
                $"Golden dataset '{config.Golden}' has no labels.field, so the expert label is unknown. " +
                "Add labels: { field: NAME } to that dataset, naming the field that holds the expert label.");
            return null;
        }

        RequireId(setup, "golden", config.Golden);
        return setup.FieldPath("golden", golden.Labels.Field);
    }

    private static void RequireId(CheckSetup setup, string key, string dataset)
    {
        if (setup.Config.Datasets.TryGetValue(dataset, out var config) && string.IsNullOrWhiteSpace(config.Id))
        {
            setup.Fail(key,
                $"Dataset '{dataset}' has no id field, so its records cannot be joined to the other dataset. " +
                "Add id: FIELD to the dataset.");
        }
    }

    private static bool HasId(CheckSetup setup, string dataset) =>
        setup.Config.Datasets.TryGetValue(dataset, out var config) && !string.IsNullOrWhiteSpace(config.Id);

    private static List<GoldenThreshold>? ParseThresholds(GoldenCheckConfig config, CheckSetup setup)
    {
        var thresholds = new List<GoldenThreshold>();
        var valid = true;
        foreach (var (key, minimum) in config.Thresholds.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var threshold = GoldenThreshold.Parse(key, minimum);
            if (threshold is null)
            {
                setup.Fail($"thresholds/{key}",
                    $"Threshold key '{key}' is not a metric of the golden check. " +
                    $"Use one of: {GoldenThreshold.ValidKeys}.");
                valid = false;
            }
            else if (!(minimum is >= 0 and <= 1))
            {
                setup.Fail($"thresholds/{key}",
                    $"Threshold '{key}' is {ReportFormat.Score(minimum)}, but metrics run from 0 to 1. " +
                    "Give a value in that range.");
                valid = false;
            }
            else
            {
                thresholds.Add(threshold);
            }
        }

        return valid ? thresholds : null;
    }

    private (Dictionary<string, string?> Predictions, long Unknown) ReadPredictions(
        CheckContext context,
        IEnumerable<DataRecord> records,
        GoldenSet golden)
    {
        var predictions = new Dictionary<string, string?>(StringComparer.Ordinal);
        var unknown = 0L;
        foreach (var record in records)
        {
            if (string.IsNullOrEmpty(record.Id))
            {
                continue;
            }

            if (!golden.Items.ContainsKey(record.Id))
            {
                context.Report(RuleCatalog.PredictionForUnknownItem,
                    $"Prediction id '{record.Id}' is not in golden dataset '{golden.Dataset}', so it is not scored. " +
                    "Check that both datasets use the same ids.",
                    record, _config.Dataset);
                unknown++;
                continue;
            }

            // NOTE: with duplicate-ids: allow, the first prediction for an id is scored and later ones are ignored.
            predictions.TryAdd(record.Id, Labels.LabelValue.Normalize(_prediction.ResolveText(record.Root)));
        }

        return (predictions, unknown);
    }

    private void ReportMissing(CheckContext context, GoldenSet golden, List<ItemOutcome> outcomes)
    {
        var missing = outcomes.Where(o => o.Predicted is null).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var coverage = (outcomes.Count - missing.Count) / (double)outcomes.Count;
        context.Report(RuleCatalog.GoldenItemWithoutPrediction,
            $"{missing.Count} of {outcomes.Count} golden items have no prediction at '{_prediction}' in dataset " +
            $"'{_config.Dataset}' (coverage {ReportFormat.Score(coverage)}); they count as wrong. " +
            "Add predictions for them, or remove them from the golden set.",
            dataset: _config.Dataset);
        var rule = RuleCatalog.Get(RuleCatalog.GoldenItemWithoutPrediction);
        foreach (var outcome in missing)
        {
            var item = golden.Items[outcome.Id];
            var message = $"Golden item '{item.Id}' has no prediction at '{_prediction}' in dataset " +
                $"'{_config.Dataset}', so it counts as wrong.";
            context.Report(new Finding(RuleCatalog.GoldenItemWithoutPrediction, rule.DefaultSeverity, message)
            {
                File = item.File,
                Line = item.Line,
                RecordId = item.Id,
                Dataset = golden.Dataset,
            });
        }
    }
}
