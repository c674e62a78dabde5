using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AnnotationGate.Core.Checks.Schema;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;
using Xunit.Abstractions;

namespace AnnotationGate.Core.Tests.Checks.Schema;

/// <summary>
/// Prints validation throughput on records of about 100 bytes. It asserts correctness only, never a
/// speed, so it cannot fail on a busy machine; the figures go to docs/benchmarks/json-schema.md.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class SchemaThroughputTests(ITestOutputHelper output)
{
    /// <summary>
    /// Records per pass: 2,000 by default so that the test suite stays fast, or the value of the
    /// AG_BENCHMARK_RECORDS environment variable (100,000 for the published figures).
    /// </summary>
    private static readonly int Records = int.TryParse(
        Environment.GetEnvironmentVariable("AG_BENCHMARK_RECORDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
        ? count
        : 2_000;

    private const string Schema = """
        {
          "type": "object",
          "required": ["label", "confidence"],
          "properties": {
            "label": { "enum": ["positive", "negative", "neutral"] },
            "confidence": { "type": "number", "minimum": 0, "maximum": 1 },
            "reason": { "type": "string", "maxLength": 200 }
          },
          "additionalProperties": false
        }
        """;

    [Fact]
    public void Throughput_on_small_records_is_reported()
    {
        using var harness = new SchemaCheckHarness();
        var check = harness.Create(new JsonSchemaCheckConfig { Field = "output", Schema = harness.Write("reply.schema.json", Schema) })!;
        var context = harness.Context(check);
        var records = BuildRecords();
        var compiled = SchemaCompiler.Compile(Schema, "reply.schema.json").Schema!;
        var instances = records.Select(r => JsonElement.Parse(r.Root.GetProperty("output").GetString()!)).ToArray();

        var validateOnly = Measure(() =>
        {
            foreach (var instance in instances)
            {
                compiled.IsValid(instance);
            }
        });
        var checkSingle = Measure(() =>
        {
            foreach (var record in records)
            {
                check.Evaluate(record, context);
            }
        });
        var checkParallel = Measure(() => Parallel.ForEach(records, new ParallelOptions { MaxDegreeOfParallelism = 2 }, r => check.Evaluate(r, context)));

        output.WriteLine(Line("IsValid only, 1 thread", validateOnly));
        output.WriteLine(Line("check Evaluate (extract + validate), 1 thread", checkSingle));
        output.WriteLine(Line("check Evaluate, 2 threads", checkParallel));
        var result = check.Complete(context);
        result.RecordsChecked.ShouldBe(8L * Records);
        result.RecordsFailed.ShouldBe(8L * Records / 10);
    }

    private static DataRecord[] BuildRecords()
    {
        var random = new Random(42);
        var labels = new[] { "positive", "negative", "neutral" };
        return [.. Enumerable.Range(0, Records).Select(i =>
        {
            var confidence = i % 10 == 0 ? 1.5 : Math.Round(random.NextDouble(), 2);
            var output = string.Create(CultureInfo.InvariantCulture,
                $$"""{"label":"{{labels[i % 3]}}","confidence":{{confidence}},"reason":"short reason"}""");
            var line = JsonSerializer.Serialize(new { id = i.ToString("D6", CultureInfo.InvariantCulture), output });
            return new DataRecord("outputs.jsonl", i + 1, i, JsonElement.Parse(line));
        })];
    }

    /// <summary>
    /// Runs <paramref name="action"/> once to warm up, then three times, and returns the best wall-clock
    /// rate and the best rate per CPU-second of this process (the fair figure on a shared machine).
    /// </summary>
    private static (double Wall, double Cpu) Measure(Action action)
    {
        action();
        var best = (Wall: 0.0, Cpu: 0.0);
        using var process = Process.GetCurrentProcess();
        for (var run = 0; run < 3; run++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            action();
            var wall = clock.Elapsed.TotalSeconds;
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            best = (Math.Max(best.Wall, Records / wall), Math.Max(best.Cpu, Records / cpu));
        }

        return best;
    }

    private static string Line(string what, (double Wall, double Cpu) rate) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{what}: {rate.Wall:N0} records/s wall, {rate.Cpu:N0} records per CPU-second, on {Records:N0} records");
}
