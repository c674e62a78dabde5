using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Tests.Regression;

/// <summary>Builds golden-set results for the regression tests.</summary>
internal static class RegressionTestData
{
    public const string CheckId = "intent";

    /// <summary>
    /// Items "item-000", "item-001" and on with expected labels cycling over three intents; the first
    /// <paramref name="correct"/> items are predicted right, the rest get the next intent.
    /// </summary>
    public static List<ItemOutcome> Items(int count, int correct, Func<int, string?>? slice = null) =>
        [.. Enumerable.Range(0, count).Select(i => Item(i, i < correct, slice?.Invoke(i)))];

    public static ItemOutcome Item(int index, bool correct, string? language = null)
    {
        string[] labels = ["billing", "refund", "shipping"];
        string expected = labels[index % 3];
        string predicted = correct ? expected : labels[(index + 1) % 3];
        var slices = language is null ? null : new Dictionary<string, string> { ["language"] = language };
        return new ItemOutcome($"item-{index:D3}", expected, predicted, slices);
    }

    /// <summary>Flips the outcome of the items at the given indices.</summary>
    public static List<ItemOutcome> Flip(IReadOnlyList<ItemOutcome> items, params int[] indices)
    {
        var flipped = indices.ToHashSet();
        return [.. items.Select((item, i) => flipped.Contains(i) ? Item(i, !item.Correct, Language(item)) : item)];
    }

    private static string? Language(ItemOutcome item) => item.Slices?["language"];

    private static double Accuracy(IReadOnlyList<ItemOutcome> items)
    {
        return items.Count == 0 ? 0 : items.Count(i => i.Correct) / (double)items.Count;
    }

    public static GateResult Result(IReadOnlyList<ItemOutcome> items, Verdict verdict = Verdict.Pass) => new()
    {
        GateName = "support-intent",
        GateFile = "eval-configs/support-intent.gate.yml",
        Verdict = verdict,
        Checks =
        [
            new CheckResult(CheckId, CheckTypes.Golden)
            {
                Dataset = "outputs",
                Status = verdict == Verdict.Pass ? CheckStatus.Passed : CheckStatus.Failed,
                ItemOutcomes = items,
                Metrics = [new Metric("accuracy", Accuracy(items)) { Threshold = 0.8 }],
            },
        ],
    };
}
