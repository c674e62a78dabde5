using System.Globalization;

namespace AnnotationGate.Embeddings.Tests;

/// <summary>The STS Benchmark development split: sentence pairs with human scores from 0 to 5.</summary>
internal static class StsDev
{
    public static IReadOnlyList<(string First, string Second, double Score)> Load()
    {
        var pairs = new List<(string, string, double)>();
        foreach (var line in File.ReadLines(SharedData.PathOf("similarity", "sts-dev.csv")))
        {
            var fields = line.Split('\t');
            pairs.Add((fields[5], fields[6], double.Parse(fields[4], CultureInfo.InvariantCulture)));
        }

        return pairs;
    }
}
