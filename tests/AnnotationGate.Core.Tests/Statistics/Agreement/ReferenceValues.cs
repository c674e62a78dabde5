using System.Text.Json;

namespace AnnotationGate.Core.Tests.Statistics.Agreement;

/// <summary>The published agreement reference vectors beside the clone, parsed once.</summary>
internal static class ReferenceValues
{
    private static readonly Lazy<JsonDocument> LazyDocument = new(() =>
        JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("agreement", "reference-values.json"))));

    public static JsonElement Entry(string section, string name) =>
        LazyDocument.Value.RootElement.GetProperty(section).EnumerateArray()
            .Single(entry => entry.GetProperty("name").GetString() == name);

    public static double Expected(JsonElement entry, string key) =>
        entry.GetProperty("expected").GetProperty(key).GetDouble();

    /// <summary>Returns the number of decimals the reference gives, so tests match to that precision.</summary>
    public static int Decimals(JsonElement entry, string key)
    {
        var text = entry.GetProperty("expected").GetProperty(key).GetRawText();
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? 0 : text.Length - dot - 1;
    }

    /// <summary>Asserts that the value equals the reference to the decimals the reference gives.</summary>
    public static void ShouldMatch(this double? actual, JsonElement entry, string key)
    {
        actual.ShouldNotBeNull($"{key} is undefined");
        actual.Value.ShouldBe(Expected(entry, key), Tolerance(entry, key), key);
    }

    /// <summary>Returns the largest difference still equal when rounded to the reference's decimals.</summary>
    public static double Tolerance(JsonElement entry, string key) =>
        0.5 * Math.Pow(10, -Math.Min(Decimals(entry, key), 12)) + 1e-12;
}
