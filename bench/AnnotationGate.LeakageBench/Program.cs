using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using AnnotationGate.Core.Labels.Leakage;

namespace AnnotationGate.LeakageBench;

/// <summary>
/// Times <see cref="LeakageDetector.Find"/> on synthetic rows. Usage:
/// <c>[training rows] [golden rows] [threads] [seed]</c>, defaults 1000000, 500, 0 (one per
/// processor) and 1. Word frequencies come from the STS-B sentences in shared/data when found
/// beside the repository, otherwise from a small built-in list.
/// </summary>
internal static partial class Program
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static int Main(string[] args)
    {
        var trainingRows = args.Length > 0 ? int.Parse(args[0], Invariant) : 1_000_000;
        var goldenRows = args.Length > 1 ? int.Parse(args[1], Invariant) : 500;
        var threads = args.Length > 2 ? int.Parse(args[2], Invariant) : 0;
        var seed = args.Length > 3 ? int.Parse(args[3], Invariant) : 1;

        var (source, frequencies) = WordFrequencies();
        var corpus = new SyntheticCorpus(frequencies, seed);
        var golden = corpus.Golden(goldenRows);
        var plants = corpus.Plants(golden, trainingRows, 40);
        Console.WriteLine(string.Create(Invariant,
            $"words: {corpus.VocabularySize:N0} from {source}; {trainingRows:N0} training rows, {goldenRows:N0} golden rows, {plants.Count} planted, threads {(threads > 0 ? threads : Environment.ProcessorCount)}"));

        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var generation = Stopwatch.StartNew();
        var characters = corpus.Training(trainingRows, plants).Sum(row => (long)row.Text.Length);
        generation.Stop();
        self.Refresh();
        Console.WriteLine(string.Create(Invariant,
            $"generating the rows alone: {generation.Elapsed.TotalSeconds:F2} s wall, {(self.TotalProcessorTime - cpuBefore).TotalSeconds:F2} s CPU, {characters / (double)trainingRows:F0} characters per row on average"));

        cpuBefore = self.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var options = new LeakageOptions { MaxDegreeOfParallelism = threads };
        var report = LeakageDetector.Find(golden, corpus.Training(trainingRows, plants), options);
        watch.Stop();
        self.Refresh();
        var cpu = self.TotalProcessorTime - cpuBefore;

        Console.WriteLine(string.Create(Invariant,
            $"find: {watch.Elapsed.TotalSeconds:F2} s wall including generation, {cpu.TotalSeconds:F2} s CPU, {report.TrainingRowsScanned / watch.Elapsed.TotalSeconds:N0} rows/s"));
        Console.WriteLine(string.Create(Invariant,
            $"peak working set: {self.PeakWorkingSet64 / (1024.0 * 1024.0):F0} MiB"));
        return Check(report, plants, options.Jaccard);
    }

    private static int Check(LeakageReport report, List<Plant> plants, double threshold)
    {
        var found = report.Exact.Concat(report.Near)
            .Select(p => (p.GoldenId, p.Line))
            .ToHashSet();
        var expected = plants.Where(p => p.Similarity >= threshold).ToList();
        var hits = expected.Count(p => found.Contains((p.GoldenId, (int)p.Position + 1)));
        Console.WriteLine(string.Create(Invariant,
            $"pairs: {report.ExactPairCount} exact, {report.NearPairCount} near; planted at or above {threshold}: {hits} of {expected.Count} found; planted below: {plants.Count - expected.Count}"));
        foreach (var pair in report.Near.Take(5))
        {
            Console.WriteLine(string.Create(Invariant,
                $"  near {pair.GoldenId} ~ {pair.TrainingId} line {pair.Line}: {pair.Similarity:F3}"));
        }

        return hits == expected.Count ? 0 : 1;
    }

    private static (string Source, Dictionary<string, int> Frequencies) WordFrequencies()
    {
        var path = FindSts();
        if (path is null)
        {
            string[] fallback = ["the", "a", "of", "and", "to", "in", "is", "was", "for", "on", "that", "with",
                "order", "refund", "late", "delivery", "account", "password", "please", "help", "customer",
                "service", "package", "arrived", "broken", "screen", "battery", "charge", "support", "ticket"];
            return ("a built-in list", fallback.Select((w, i) => (w, 100 / (i + 1) + 1)).ToDictionary());
        }

        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var fields = line.Split('\t');
            foreach (var text in fields.Skip(5).Take(2))
            {
                foreach (Match word in Word().Matches(text.ToLowerInvariant()))
                {
                    frequencies[word.Value] = frequencies.GetValueOrDefault(word.Value) + 1;
                }
            }
        }

        return (path, frequencies);
    }

    private static string? FindSts()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared"), Path.Combine(dir.FullName, "..", "shared") })
            {
                var path = Path.Combine(candidate, "data", "similarity", "sts-dev.csv");
                if (File.Exists(path))
                {
                    return Path.GetFullPath(path);
                }
            }
        }

        return null;
    }

    [GeneratedRegex("[a-z]+")]
    private static partial Regex Word();
}
