using AnnotationGate.Core.Statistics.Agreement;

namespace AnnotationGate.Core.Tests.Labels.Aggregation;

/// <summary>A crowd data set: long-form ratings and the expert gold label of each item.</summary>
internal sealed record CrowdDataSet(
    string Name,
    IReadOnlyList<Rating> Ratings,
    IReadOnlyDictionary<string, string> Gold)
{
    private RatingMatrix? _matrix;

    public RatingMatrix Matrix => _matrix ??= RatingMatrix.FromRatings(Ratings);
}

/// <summary>Loads the real crowd data sets beside the clone, each parsed once per test run.</summary>
internal static class CrowdDataSets
{
    private static readonly Lazy<CrowdDataSet> LazyRte = new(() => ReadSnow("RTE", "rte.standardized.tsv"));
    private static readonly Lazy<CrowdDataSet> LazyTemp = new(() => ReadSnow("TEMP", "temp.standardized.tsv"));
    private static readonly Lazy<CrowdDataSet> LazyProduct = new(ReadProduct);

    public static CrowdDataSet Rte => LazyRte.Value;

    public static CrowdDataSet Temp => LazyTemp.Value;

    public static CrowdDataSet Product => LazyProduct.Value;

    public static CrowdDataSet ByName(string name) => name switch
    {
        "RTE" => Rte,
        "TEMP" => Temp,
        "Product" => Product,
        _ => throw new ArgumentException(
            $"Crowd data set \"{name}\" is not known. Use RTE, TEMP or Product.", nameof(name)),
    };

    // Snow et al. TSV: !amt_annotation_ids, !amt_worker_ids, orig_id, response, gold.
    private static CrowdDataSet ReadSnow(string name, string file)
    {
        var ratings = new List<Rating>();
        var gold = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(SharedData.PathOf("crowd", "snow2008", file)).Skip(1))
        {
            var fields = line.Split('\t');
            ratings.Add(new Rating(fields[2], fields[1], fields[3]));
            gold[fields[2]] = fields[4];
        }

        return new CrowdDataSet(name, ratings, gold);
    }

    private static CrowdDataSet ReadProduct()
    {
        var folder = SharedData.PathOf("crowd", "zheng2017-product");
        var ratings = File.ReadLines(Path.Combine(folder, "answer.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Select(fields => new Rating(fields[0], fields[1], fields[2]))
            .ToList();
        var gold = File.ReadLines(Path.Combine(folder, "truth.csv")).Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(fields => fields[0], fields => fields[1], StringComparer.Ordinal);
        return new CrowdDataSet("Product", ratings, gold);
    }
}
