using System.Text.Json;
using AnnotationGate.Core.Statistics.Agreement;

namespace AnnotationGate.Core.Tests.Statistics;

public sealed class CohensKappaTests
{
    private static readonly JsonElement References = JsonDocument
        .Parse(File.ReadAllText(SharedData.PathOf("agreement", "reference-values.json")))
        .RootElement.GetProperty("cohen_kappa");

    [Fact]
    public void Kappa_wikipedia_table_matches_reference()
    {
        var (table, expected) = Reference("wikipedia_2x2", "table_rows_raterA_cols_raterB");

        var kappa = CohensKappa.FromTable(table);

        kappa.Value!.Value.ShouldBe(expected.GetProperty("kappa").GetDouble(), 0.00005);
        kappa.ObservedAgreement.ShouldBe(expected.GetProperty("p_o").GetDouble(), 0.00005);
        kappa.Units.ShouldBe(50);
    }

    [Theory]
    [InlineData(KappaWeights.None, "kappa_unweighted")]
    [InlineData(KappaWeights.Linear, "kappa_linear_weights_0_1_2")]
    [InlineData(KappaWeights.Quadratic, "kappa_quadratic_self")]
    public void Kappa_sas_table_matches_reference(KappaWeights weights, string key)
    {
        var (table, expected) = Reference("sas_table10_3x3", "table");

        var kappa = CohensKappa.FromTable(table, weights);

        kappa.Value!.Value.ShouldBe(expected.GetProperty(key).GetDouble(), 0.00005);
    }

    [Fact]
    public void Kappa_pairs_agree_with_table()
    {
        var pairs = Pairs(("yes", "yes", 20), ("yes", "no", 5), ("no", "yes", 10), ("no", "no", 15));

        var kappa = CohensKappa.Compute(pairs);

        kappa.Value!.Value.ShouldBe(0.4, 1e-12);
        kappa.ObservedAgreement.ShouldBe(0.7, 1e-12);
    }

    [Fact]
    public void Kappa_identical_constant_ratings_undefined()
    {
        var pairs = Pairs(("1", "1", 12));

        var kappa = CohensKappa.Compute(pairs);

        kappa.IsDefined.ShouldBeFalse();
        kappa.Value.ShouldBeNull();
        kappa.ObservedAgreement.ShouldBe(1.0);
        kappa.Units.ShouldBe(12);
        kappa.UndefinedReason.ShouldBe(
            "Both raters gave every item the same label '1', so chance agreement is 1 and kappa is undefined.");
    }

    [Fact]
    public void Kappa_no_pairs_undefined()
    {
        var kappa = CohensKappa.Compute([]);

        kappa.IsDefined.ShouldBeFalse();
        kappa.Units.ShouldBe(0);
    }

    [Fact]
    public void Kappa_one_rater_constant_is_zero()
    {
        var pairs = Pairs(("a", "a", 3), ("b", "a", 2));

        var kappa = CohensKappa.Compute(pairs);

        kappa.Value!.Value.ShouldBe(0.0, 1e-12);
        kappa.ObservedAgreement.ShouldBe(0.6, 1e-12);
    }

    [Fact]
    public void Kappa_numeric_spellings_are_one_label()
    {
        var pairs = Pairs(("1", "1.0", 4), (" 0 ", "0", 4), ("1", "0.0", 2));

        var kappa = CohensKappa.Compute(pairs);

        kappa.ObservedAgreement.ShouldBe(0.8, 1e-12);
        kappa.Value!.Value.ShouldBe(8.0 / 13, 1e-12);
    }

    [Fact]
    public void Kappa_numeric_labels_weight_in_numeric_order()
    {
        // Ordinal text order would put "10" before "2"; numeric order keeps 1 < 2 < 10.
        var numeric = Pairs(("1", "2", 2), ("2", "10", 2), ("1", "1", 3), ("10", "10", 3));
        var positional = Pairs(("a", "b", 2), ("b", "c", 2), ("a", "a", 3), ("c", "c", 3));

        var kappa = CohensKappa.Compute(numeric, KappaWeights.Linear);
        var expected = CohensKappa.Compute(positional, KappaWeights.Linear, ["a", "b", "c"]);

        kappa.Value!.Value.ShouldBe(expected.Value!.Value, 1e-12);
    }

    [Fact]
    public void Kappa_given_order_changes_weighted_value()
    {
        var pairs = Pairs(("low", "mid", 3), ("mid", "high", 3), ("low", "low", 2), ("high", "high", 2));

        var ordered = CohensKappa.Compute(pairs, KappaWeights.Quadratic, ["low", "mid", "high"]);
        var scrambled = CohensKappa.Compute(pairs, KappaWeights.Quadratic, ["mid", "low", "high"]);

        Math.Abs(ordered.Value!.Value - scrambled.Value!.Value).ShouldBeGreaterThan(1e-6);
    }

    [Fact]
    public void Kappa_weighted_text_labels_without_order_throws()
    {
        var pairs = Pairs(("low", "high", 1), ("high", "high", 1));

        var error = Should.Throw<ArgumentException>(() => CohensKappa.Compute(pairs, KappaWeights.Linear));

        error.Message.ShouldContain("Pass the category order");
    }

    [Fact]
    public void Kappa_label_outside_order_throws()
    {
        var pairs = Pairs(("low", "odd", 1));

        var error = Should.Throw<ArgumentException>(
            () => CohensKappa.Compute(pairs, KappaWeights.Linear, ["low", "high"]));

        error.Message.ShouldContain("'odd'");
    }

    private static (double[,] Table, JsonElement Expected) Reference(string name, string tableKey)
    {
        var entry = References.EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var rows = entry.GetProperty(tableKey)
            .EnumerateArray()
            .Select(r => r.EnumerateArray().Select(c => c.GetDouble()).ToArray())
            .ToArray();
        var table = new double[rows.Length, rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < rows.Length; j++)
            {
                table[i, j] = rows[i][j];
            }
        }

        return (table, entry.GetProperty("expected"));
    }

    private static List<(string, string)> Pairs(params (string First, string Second, int Count)[] cells) =>
        [.. cells.SelectMany(c => Enumerable.Repeat((c.First, c.Second), c.Count))];
}
