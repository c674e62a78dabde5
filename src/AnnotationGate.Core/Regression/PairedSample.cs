using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Regression;

/// <summary>
/// Golden items present in both the baseline and the current run, with labels mapped to class
/// indices (-1 for a missing prediction), ready for paired tests and resampling.
/// </summary>
internal sealed class PairedSample
{
    private PairedSample(
        string[] ids, int[] expected, int[] baseline, int[] current, IReadOnlyList<string> classes)
    {
        Ids = ids;
        Expected = expected;
        Baseline = baseline;
        Current = current;
        Classes = classes;
    }

    public string[] Ids { get; }

    public int[] Expected { get; }

    public int[] Baseline { get; }

    public int[] Current { get; }

    /// <summary>Every label seen as expected or predicted in either run, ordinal order.</summary>
    public IReadOnlyList<string> Classes { get; }

    public int Count => Ids.Length;

    /// <summary>Pairs items by id; items present in only one run are left out.</summary>
    public static PairedSample Create(IReadOnlyList<ItemOutcome> baseline, IReadOnlyList<ItemOutcome> current)
    {
        var byId = new Dictionary<string, ItemOutcome>(StringComparer.Ordinal);
        foreach (var item in baseline)
        {
            byId.TryAdd(item.Id, item);
        }

        var pairs = current
            .Where(item => byId.ContainsKey(item.Id))
            .OrderBy(item => item.Id, StringComparer.Ordinal)
            .Select(item => (Baseline: byId[item.Id], Current: item))
            .ToList();
        var classes = pairs
            .SelectMany(p => new[] { p.Current.Expected, p.Baseline.Predicted, p.Current.Predicted })
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var index = classes
            .Select((label, i) => (label, i))
            .ToDictionary(x => x.label, x => x.i, StringComparer.Ordinal);
        int Map(string? label) => label is null ? -1 : index[label];
        return new PairedSample(
            [.. pairs.Select(p => p.Current.Id)],
            [.. pairs.Select(p => Map(p.Current.Expected))],
            [.. pairs.Select(p => Map(p.Baseline.Predicted))],
            [.. pairs.Select(p => Map(p.Current.Predicted))],
            classes);
    }

    /// <summary>Returns the sample restricted to the given rows, keeping the class list.</summary>
    public PairedSample Subset(IReadOnlyList<int> rows) => new(
        [.. rows.Select(r => Ids[r])],
        [.. rows.Select(r => Expected[r])],
        [.. rows.Select(r => Baseline[r])],
        [.. rows.Select(r => Current[r])],
        Classes);

    /// <summary>
    /// Groups the items by (expected, baseline prediction, current prediction): items in a group
    /// are interchangeable for every classification metric, so resampling can count groups.
    /// </summary>
    public OutcomeGroups Group()
    {
        var index = new Dictionary<(int, int, int), int>();
        var groupOfRow = new int[Count];
        for (int row = 0; row < Count; row++)
        {
            var key = (Expected[row], Baseline[row], Current[row]);
            if (!index.TryGetValue(key, out int group))
            {
                group = index.Count;
                index.Add(key, group);
            }

            groupOfRow[row] = group;
        }

        var keys = index.OrderBy(pair => pair.Value).Select(pair => pair.Key).ToList();
        return new OutcomeGroups(
            groupOfRow,
            [.. keys.Select(k => k.Item1)],
            [.. keys.Select(k => k.Item2)],
            [.. keys.Select(k => k.Item3)]);
    }

    public bool BaselineCorrect(int row) => Baseline[row] == Expected[row];

    public bool CurrentCorrect(int row) => Current[row] == Expected[row];
}

/// <summary>Items grouped by their paired outcome; the arrays after the first are indexed by group.</summary>
internal sealed record OutcomeGroups(int[] GroupOfRow, int[] Expected, int[] Baseline, int[] Current)
{
    public int Count => Expected.Length;

    /// <summary>Returns the number of items in each group.</summary>
    public int[] Sizes()
    {
        int[] sizes = new int[Count];
        foreach (int group in GroupOfRow)
        {
            sizes[group]++;
        }

        return sizes;
    }
}
