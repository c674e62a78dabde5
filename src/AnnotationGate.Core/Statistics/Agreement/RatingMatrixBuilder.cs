using System.Globalization;

namespace AnnotationGate.Core.Statistics.Agreement;

/// <summary>
/// Collects long-form (item, annotator, label) ratings one at a time, interning every id, and
/// builds a <see cref="RatingMatrix"/>. Holds three integers per rating plus the distinct ids.
/// </summary>
public sealed class RatingMatrixBuilder
{
    private readonly Dictionary<string, int> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _annotators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _labels = new(StringComparer.Ordinal);
    private readonly List<int> _ratingItems = [];
    private readonly List<int> _ratingAnnotators = [];
    private readonly List<int> _ratingLabels = [];

    /// <summary>Number of ratings added so far.</summary>
    public int Count => _ratingItems.Count;

    /// <summary>Adds one rating.</summary>
    public void Add(string item, string annotator, string label)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(annotator);
        ArgumentNullException.ThrowIfNull(label);
        _ratingItems.Add(Intern(_items, item));
        _ratingAnnotators.Add(Intern(_annotators, annotator));
        _ratingLabels.Add(Intern(_labels, label));
    }

    /// <summary>
    /// Builds the matrix. With <paramref name="categoryOrder"/>, categories follow that order and
    /// include listed labels that never occur (so Randolph's kappa and ordinal distances see the
    /// whole scale). A label missing from the list raises <see cref="ArgumentException"/>.
    /// </summary>
    public RatingMatrix Build(IReadOnlyList<string>? categoryOrder = null)
    {
        var labels = Keys(_labels);
        var (categories, numeric, labelToCategory) = categoryOrder is null
            ? OrderByValue(labels)
            : OrderExplicitly(labels, categoryOrder);

        var itemStart = new int[_items.Count + 1];
        foreach (var item in _ratingItems)
        {
            itemStart[item + 1]++;
        }

        for (var i = 0; i < _items.Count; i++)
        {
            itemStart[i + 1] += itemStart[i];
        }

        var next = itemStart[..^1];
        var annotators = new int[Count];
        var ratingCategories = new int[Count];
        for (var r = 0; r < Count; r++)
        {
            var slot = next[_ratingItems[r]]++;
            annotators[slot] = _ratingAnnotators[r];
            ratingCategories[slot] = labelToCategory[_ratingLabels[r]];
        }

        return new RatingMatrix(
            Keys(_items), Keys(_annotators), categories, numeric, itemStart, annotators, ratingCategories);
    }

    internal static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);

    private static int Intern(Dictionary<string, int> ids, string key)
    {
        if (!ids.TryGetValue(key, out var index))
        {
            index = ids.Count;
            ids.Add(key, index);
        }

        return index;
    }

    private static string[] Keys(Dictionary<string, int> ids)
    {
        var keys = new string[ids.Count];
        foreach (var (key, index) in ids)
        {
            keys[index] = key;
        }

        return keys;
    }

    private static (string[] Categories, double[]? Numeric, int[] Map) OrderByValue(string[] labels)
    {
        var values = new double[labels.Length];
        var allNumeric = labels.Length > 0;
        for (var i = 0; i < labels.Length && allNumeric; i++)
        {
            allNumeric = TryParseNumber(labels[i], out values[i]);
        }

        return allNumeric ? MergeNumeric(labels, values) : OrderOrdinally(labels);
    }

    private static (string[], double[]?, int[]) MergeNumeric(string[] labels, double[] values)
    {
        var distinct = values.Distinct().Order().ToArray();
        var categories = new string[distinct.Length];
        var map = new int[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            map[i] = Array.BinarySearch(distinct, values[i]);

            // The first spelling seen names the category ("1" rather than "1.0" when "1" came first).
            categories[map[i]] ??= labels[i];
        }

        return (categories, distinct, map);
    }

    private static (string[], double[]?, int[]) OrderOrdinally(string[] labels)
    {
        var categories = labels.Order(StringComparer.Ordinal).ToArray();
        var map = new int[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            map[i] = Array.BinarySearch(categories, labels[i], StringComparer.Ordinal);
        }

        return (categories, null, map);
    }

    private static (string[], double[]?, int[]) OrderExplicitly(string[] labels, IReadOnlyList<string> order)
    {
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var category in order)
        {
            if (!position.TryAdd(category, position.Count))
            {
                throw new ArgumentException(
                    $"Category \"{category}\" appears twice in the category order. List each label once.",
                    nameof(order));
            }
        }

        var map = new int[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            if (!position.TryGetValue(labels[i], out map[i]))
            {
                throw new ArgumentException(
                    $"Label \"{labels[i]}\" is not in the category order. Add it to the list of labels.",
                    nameof(order));
            }
        }

        var categories = order.ToArray();
        var numeric = new double[categories.Length];
        var allNumeric = true;
        for (var c = 0; c < categories.Length && allNumeric; c++)
        {
            allNumeric = TryParseNumber(categories[c], out numeric[c]);
        }

        return (categories, allNumeric ? numeric : null, map);
    }
}
