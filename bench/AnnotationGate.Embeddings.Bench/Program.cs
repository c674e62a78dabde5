using System.Diagnostics;
using System.Globalization;
using AnnotationGate.Core.Embeddings;
using AnnotationGate.Embeddings.Caching;
using AnnotationGate.Embeddings.Onnx;

namespace AnnotationGate.Embeddings.Bench;

/// <summary>
/// Measures the embedding engines on the STS Benchmark dev split: Spearman correlation with the human
/// scores, sentences per second (wall clock and per CPU second), and peak working set. Usage:
/// <c>[mlnet|raw|raw-sorted|tfidf|cache|all] [pairs]</c>, defaults all and 1500 (the whole split).
/// "all" runs each mode in its own process so that each peak working set is its own.
/// </summary>
internal static class Program
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly string[] Modes = ["mlnet", "raw", "raw-sorted", "tfidf", "cache"];

    public static int Main(string[] args)
    {
        var mode = args.Length > 0 ? args[0] : "all";
        var pairs = args.Length > 1 ? int.Parse(args[1], Invariant) : 1500;
        if (mode == "all")
        {
            return Modes.Max(m => RunChild(m, pairs));
        }

        var data = LoadSts(pairs);
        var cache = Path.Combine(AppContext.BaseDirectory, "bench-cache");
        return mode switch
        {
            "mlnet" => Measure(mode, () => MiniLmEmbedder.Create(cache), data),
            "raw" => Measure(mode, () => new OnnxSessionEmbedder(cache, batchSize: 32, sortByLength: false), data),
            "raw-sorted" => Measure(mode, () => new OnnxSessionEmbedder(cache, batchSize: 32, sortByLength: true), data),
            "tfidf" => Measure(mode, () => new TfidfEmbedder(), data),
            "cache" => MeasureCache(cache, data),
            _ => throw new ArgumentException($"Mode '{mode}' is not known. Use mlnet, raw, raw-sorted, tfidf, cache or all.", nameof(args)),
        };
    }

    private static int Measure(string mode, Func<ITextEmbedder> create, List<(string A, string B, double Score)> data)
    {
        var clock = Stopwatch.StartNew();
        var embedder = create();
        embedder.Embed(["warm-up sentence one.", "Warm-up sentence two."], null, CancellationToken.None);
        var load = clock.Elapsed;
        var texts = data.SelectMany(p => new[] { p.A, p.B }).ToArray();
        var (vectors, wall, cpu) = Timed(() => embedder.Embed(texts, null, CancellationToken.None));
        var spearman = Spearman(data, vectors);
        using var self = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(Invariant,
            $"{mode,-10} sentences={texts.Length} spearman={spearman:F4} load={load.TotalSeconds:F1}s wall={wall.TotalSeconds:F1}s cpu={cpu.TotalSeconds:F1}s "
            + $"rate={texts.Length / wall.TotalSeconds:F0}/s per-cpu-s={texts.Length / cpu.TotalSeconds:F0} peak={self.PeakWorkingSet64 / 1048576.0:F0}MB"));
        (embedder as IDisposable)?.Dispose();
        return 0;
    }

    private static int MeasureCache(string cache, List<(string A, string B, double Score)> data)
    {
        using var model = MiniLmEmbedder.Create(cache);
        model.Embed(["warm-up sentence."], null, CancellationToken.None);
        var embeddings = Path.Combine(cache, "embeddings");
        if (Directory.Exists(embeddings))
        {
            Directory.Delete(embeddings, recursive: true);
        }

        var texts = data.SelectMany(p => new[] { p.A, p.B }).ToArray();
        var (_, first, _) = Timed(() => new CachedTextEmbedder(model, cache).Embed(texts, null, CancellationToken.None));
        var (vectors, second, _) = Timed(() => new CachedTextEmbedder(model, cache).Embed(texts, null, CancellationToken.None));
        Console.WriteLine(string.Create(Invariant,
            $"cache      sentences={texts.Length} spearman={Spearman(data, vectors):F4} first={first.TotalSeconds:F2}s "
            + $"rerun={second.TotalSeconds:F3}s speed-up={first / second:F0}x"));
        return 0;
    }

    private static (IReadOnlyList<float[]> Vectors, TimeSpan Wall, TimeSpan Cpu) Timed(Func<IReadOnlyList<float[]>> run)
    {
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var vectors = run();
        var wall = clock.Elapsed;
        self.Refresh();
        return (vectors, wall, self.TotalProcessorTime - cpuBefore);
    }

    private static double Spearman(List<(string A, string B, double Score)> data, IReadOnlyList<float[]> vectors)
    {
        var cosines = data.Select((_, i) => Pooling.Cosine(vectors[2 * i], vectors[(2 * i) + 1])).ToArray();
        return RankCorrelation.Spearman(cosines, [.. data.Select(p => p.Score)]);
    }

    private static List<(string A, string B, double Score)> LoadSts(int pairs)
    {
        var path = FindSharedData("similarity", "sts-dev.csv");
        return [.. File.ReadLines(path).Take(pairs).Select(line => line.Split('\t'))
            .Select(f => (f[5], f[6], double.Parse(f[4], Invariant)))];
    }

    private static string FindSharedData(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var root in new[] { Path.Combine(dir.FullName, "shared", "data"), Path.Combine(dir.FullName, "..", "shared", "data") })
            {
                if (Directory.Exists(root))
                {
                    return Path.Combine([root, .. parts]);
                }
            }
        }

        throw new DirectoryNotFoundException("No shared/data folder above the benchmark. Put shared/ beside the clone.");
    }

    private static int RunChild(string mode, int pairs)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.ArgumentList.Add(mode);
        start.ArgumentList.Add(pairs.ToString(Invariant));
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) != "dotnet")
        {
            start.ArgumentList.RemoveAt(0);
        }

        using var child = Process.Start(start)!;
        child.WaitForExit();
        return child.ExitCode;
    }
}
