using System.Diagnostics;
using AnnotationGate.Core.Regression;
using Xunit.Abstractions;
using static AnnotationGate.Core.Tests.Regression.RegressionTestData;

namespace AnnotationGate.Core.Tests.Regression;

// Timing of a full comparison at the default 10,000 resamples, after a short warm-up run. It only measures when the
// environment variable ANNOTATIONGATE_BENCHMARK is set, so the unit test run stays fast:
// ANNOTATIONGATE_BENCHMARK=1 dotnet test tests/AnnotationGate.Core.Tests -c Release \
//   --filter "FullyQualifiedName~RegressionBenchmark" --logger "console;verbosity=detailed"
public sealed class RegressionBenchmark(ITestOutputHelper output)
{
    [Fact]
    public void Comparison_time_by_golden_size()
    {
        if (Environment.GetEnvironmentVariable("ANNOTATIONGATE_BENCHMARK") is null)
        {
            return;
        }

        foreach (int size in new[] { 1000, 5000, 20000 })
        {
            var baselineItems = Items(size, size * 9 / 10, i => $"slice-{i % 4}");
            var currentItems = Flip(baselineItems, [.. Enumerable.Range(0, size / 20)]);
            var baseline = BaselineFile.FromResult(Result(baselineItems), "benchmark", TimeProvider.System);

            var current = Result(currentItems);
            RegressionComparer.Compare(baseline, current, new RegressionOptions { Resamples = 100 });

            var watch = Stopwatch.StartNew();
            var report = RegressionComparer.Compare(baseline, current, new RegressionOptions());

            output.WriteLine(
                $"{size} items, 4 slices, {report.Comparisons} comparisons: {watch.ElapsedMilliseconds} ms");
        }
    }
}
