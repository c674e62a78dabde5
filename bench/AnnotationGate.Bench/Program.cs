using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;

namespace AnnotationGate.Bench;

/// <summary>
/// Times JSONL reading on a generated file. Usage: <c>[records] [raw|reader|paths|all]</c>, defaults
/// 1000000 and all. "all" runs each mode in its own process so that each peak working set is its own.
/// Given an existing file in place of the record count, it times that file instead.
/// </summary>
internal static class Program
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly string[] Modes = ["raw", "reader", "paths"];

    public static int Main(string[] args)
    {
        var mode = args.Length > 1 ? args[1] : "all";
        if (args.Length > 0 && File.Exists(args[0]))
        {
            return Measure(args[0], File.ReadLines(args[0]).Count(), mode == "all" ? "raw" : mode);
        }

        var count = args.Length > 0 ? int.Parse(args[0], Invariant) : 1_000_000;
        var path = Path.Combine(Path.GetTempPath(), $"annotationgate-bench-{count}.jsonl");
        if (!File.Exists(path))
        {
            Generate(path, count);
        }

        if (mode == "all")
        {
            Console.WriteLine(string.Create(Invariant,
                $"file {path}: {count:N0} records, {new FileInfo(path).Length / (double)count:F0} bytes each on average"));
            return Modes.Max(m => RunChild(count, m));
        }

        return Measure(path, count, mode);
    }

    private static int Measure(string path, int count, string mode)
    {
        Func<string, long> run = mode switch
        {
            "raw" => ParseLinesRaw,
            "reader" => ReadWithReader,
            "paths" => ReadAndResolvePaths,
            _ => throw new ArgumentException($"Mode '{mode}' is not known. Use raw, reader, paths or all.", nameof(mode)),
        };

        using var self = Process.GetCurrentProcess();
        for (var pass = 1; pass <= 3; pass++)
        {
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            self.Refresh();
            var cpuBefore = self.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var records = run(path);
            watch.Stop();
            self.Refresh();
            var cpu = self.TotalProcessorTime - cpuBefore;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            if (records != count)
            {
                Console.Error.WriteLine($"{mode}: read {records} records, expected {count}.");
                return 1;
            }

            Console.WriteLine(string.Create(Invariant,
                $"{mode,-6} pass {pass}: {records / watch.Elapsed.TotalSeconds,10:N0} records/s wall, {records / cpu.TotalSeconds,10:N0} per CPU-second, {watch.Elapsed.TotalMilliseconds,6:F0} ms, {allocated / (double)records,4:F0} bytes allocated per record"));
        }

        Console.WriteLine(string.Create(Invariant, $"{mode,-6} peak working set: {self.PeakWorkingSet64 / (1024.0 * 1024.0):F0} MiB"));
        return 0;
    }

    /// <summary>The ceiling: the whole file in memory, each line parsed with JsonDocument and nothing else.</summary>
    private static long ParseLinesRaw(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var memory = bytes.AsMemory();
        var records = 0L;
        while (!memory.IsEmpty)
        {
            var newline = memory.Span.IndexOf((byte)'\n');
            var line = newline < 0 ? memory : memory[..newline];
            memory = newline < 0 ? default : memory[(newline + 1)..];
            using var document = JsonDocument.Parse(line);
            records += document.RootElement.ValueKind == JsonValueKind.Object ? 1 : 0;
        }

        return records;
    }

    private static long ReadWithReader(string path)
    {
        var records = 0L;
        foreach (var record in JsonLinesReader.Instance.Read(Dataset(path), Fail, CancellationToken.None))
        {
            records += record.Root.ValueKind == JsonValueKind.Object ? 1 : 0;
        }

        return records;
    }

    /// <summary>The reader plus the field lookups a typical check makes: the id and one nested text.</summary>
    private static long ReadAndResolvePaths(string path)
    {
        var id = FieldPath.Parse("id");
        var reply = FieldPath.Parse("output.reply");
        var records = 0L;
        foreach (var record in JsonLinesReader.Instance.Read(Dataset(path), Fail, CancellationToken.None))
        {
            record.Id = id.ResolveText(record.Root);
            if (reply.TryResolve(record.Root, out var value) && value.GetString() is { Length: > 0 })
            {
                records++;
            }
        }

        return records;
    }

    private static ResolvedDataset Dataset(string path) =>
        new("bench", new DatasetConfig { Path = path }, path, Path.GetFileName(path), DataFormat.Jsonl);

    private static void Fail(AnnotationGate.Core.Findings.Finding finding) =>
        throw new InvalidOperationException($"Unexpected finding {finding.Code} on line {finding.Line}: {finding.Message}");

    private static int RunChild(int count, string mode)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(Program).Assembly.Location);
        }

        start.ArgumentList.Add(count.ToString(Invariant));
        start.ArgumentList.Add(mode);
        using var child = Process.Start(start)!;
        child.WaitForExit();
        return child.ExitCode;
    }

    /// <summary>Writes records of about 100 to 200 bytes with a seeded generator, so every run reads the same file.</summary>
    private static void Generate(string path, int count)
    {
        string[] words = ["refund", "order", "late", "thanks", "broken", "account", "password", "shipping", "the", "my", "is", "was", "please", "help"];
        string[] labels = ["billing", "delivery", "login", "other"];
        var random = new Random(20261204);
        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false), 1 << 20))
        {
            var text = new StringBuilder();
            for (var i = 0; i < count; i++)
            {
                text.Clear();
                for (var w = random.Next(4, 14); w > 0; w--)
                {
                    text.Append(words[random.Next(words.Length)]).Append(' ');
                }

                writer.Write(string.Create(Invariant,
                    $"{{\"id\":\"r{i:D7}\",\"input\":\"{text}\",\"output\":{{\"reply\":\"{labels[random.Next(labels.Length)]}\",\"confidence\":{random.NextDouble():F3}}},\"split\":\"test\"}}\n"));
            }
        }

        File.Move(temporary, path, overwrite: true);
    }
}
