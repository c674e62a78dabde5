using AnnotationGate.Core.Regression;
using AnnotationGate.Core.Results;
using static AnnotationGate.Core.Tests.Regression.RegressionTestData;

namespace AnnotationGate.Core.Tests.Regression;

// Real crowd labels (Snow et al., EMNLP 2008, textual entailment, 800 items, 10 workers each):
// the baseline predicts the majority vote (ties go to "1"), the current run only the first
// worker listed for each item. reference_values.py recomputes the counts and p-value in Python.
public sealed class CrowdDataRegressionTests
{
    [Fact]
    public void Single_worker_regresses_against_majority()
    {
        var (majority, firstWorker) = ReadRte();

        var report = RegressionComparer.Compare(
            BaselineFile.FromResult(Result(majority), "rte", TimeProvider.System),
            Result(firstWorker),
            new RegressionOptions { Resamples = 1000 });
        var accuracy = report.Checks[0].Metrics.Single(m => m.Metric == "accuracy" && m.Slice is null);

        accuracy.Items.ShouldBe(800);
        accuracy.Baseline!.Value.ShouldBe(0.875);
        accuracy.Current!.Value.ShouldBe(0.800);
        accuracy.RightToWrong.ShouldBe(115);
        accuracy.WrongToRight.ShouldBe(55);
        (Math.Abs(accuracy.PValue!.Value - 4.870265681432809e-06) / 4.870265681432809e-06).ShouldBeLessThan(1e-12);
        accuracy.Verdict.ShouldBe(RegressionVerdict.Regression);
        accuracy.Upper!.Value.ShouldBeLessThan(-0.02);
    }

    private static (List<ItemOutcome> Majority, List<ItemOutcome> FirstWorker) ReadRte()
    {
        var votes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var gold = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(SharedData.PathOf("crowd", "snow2008", "rte.standardized.tsv")).Skip(1))
        {
            string[] fields = line.Split('\t');
            if (!votes.TryGetValue(fields[2], out var list))
            {
                votes[fields[2]] = list = [];
            }

            list.Add(fields[3]);
            gold[fields[2]] = fields[4];
        }

        var majority = gold.Select(g => new ItemOutcome(g.Key, g.Value, MajorityLabel(votes[g.Key]))).ToList();
        var firstWorker = gold.Select(g => new ItemOutcome(g.Key, g.Value, votes[g.Key][0])).ToList();
        return (majority, firstWorker);
    }

    private static string MajorityLabel(List<string> labels) =>
        labels.Count(l => l == "1") >= labels.Count(l => l == "0") ? "1" : "0";
}
