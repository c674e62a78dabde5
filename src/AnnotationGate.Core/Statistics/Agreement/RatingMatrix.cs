using System.Globalization;

namespace AnnotationGate.Core.Statistics.Agreement;

/// <summary>
/// Items × annotators ratings with missing cells, stored sparsely: one entry per rating, grouped by
/// item, with items, annotators and labels interned to indices. Memory is proportional to the
/// number of ratings, not to items × annotators.
/// </summary>
/// <remarks>
/// Labels compare by value. When every label parses as a finite number (invariant culture), labels
/// with the same numeric value are one category ("1" and "1.0"), and categories are ordered by
/// value. Otherwise labels compare by ordinal text and are ordered ordinally, unless the caller
/// gives an explicit category order. An annotator who rates the same item twice keeps both ratings;
/// <see cref="DuplicateRatings"/> counts them so that callers can report it.
/// </remarks>
public sealed class RatingMatrix
{
    private readonly int[] _itemStart;
    private readonly int[] _annotators;
    private readonly int[] _categories;

    internal RatingMatrix(
        string[] items,
        string[] annotators,
        string[] categories,
        double[]? numericValues,
        int[] itemStart,
        int[] ratingAnnotators,
        int[] ratingCategories)
    {
        Items = items;
        Annotators = annotators;
        Categories = categories;
        NumericValues = numericValues;
        _itemStart = itemStart;
        _annotators = ratingAnnotators;
        _categories = ratingCategories;
        DuplicateRatings = CountDuplicates();
    }

    /// <summary>Item ids, in order of first appearance.</summary>
    public IReadOnlyList<string> Items { get; }

    /// <summary>Annotator ids, in order of first appearance.</summary>
    public IReadOnlyList<string> Annotators { get; }

    /// <summary>Category labels in category order (numeric, explicit or ordinal text order).</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>Numeric value of each category when every label is a number, otherwise null.</summary>
    public IReadOnlyList<double>? NumericValues { get; }

    /// <summary>Number of ratings (non-missing cells).</summary>
    public int RatingCount => _annotators.Length;

    /// <summary>Ratings beyond the first that an annotator gave to the same item.</summary>
    public int DuplicateRatings { get; }

    /// <summary>Builds a matrix from long-form ratings with a <see cref="RatingMatrixBuilder"/>.</summary>
    public static RatingMatrix FromRatings(
        IEnumerable<Rating> ratings,
        IReadOnlyList<string>? categoryOrder = null)
    {
        var builder = new RatingMatrixBuilder();
        foreach (var rating in ratings)
        {
            builder.Add(rating.Item, rating.Annotator, rating.Label);
        }

        return builder.Build(categoryOrder);
    }

    /// <summary>Returns the number of ratings of the item at <paramref name="item"/>.</summary>
    public int CountOf(int item) => _itemStart[item + 1] - _itemStart[item];

    /// <summary>Returns the annotator indices of the item's ratings.</summary>
    public ReadOnlySpan<int> AnnotatorsOf(int item) =>
        _annotators.AsSpan(_itemStart[item], CountOf(item));

    /// <summary>Returns the category indices of the item's ratings, aligned with <see cref="AnnotatorsOf"/>.</summary>
    public ReadOnlySpan<int> CategoriesOf(int item) =>
        _categories.AsSpan(_itemStart[item], CountOf(item));

    /// <summary>Returns the category index of a label, or -1 when the label does not occur.</summary>
    public int IndexOfCategory(string label)
    {
        if (NumericValues is not null && RatingMatrixBuilder.TryParseNumber(label, out var value))
        {
            return IndexOfValue(value);
        }

        for (var c = 0; c < Categories.Count; c++)
        {
            if (string.Equals(Categories[c], label, StringComparison.Ordinal))
            {
                return c;
            }
        }

        return -1;
    }

    private int IndexOfValue(double value)
    {
        for (var c = 0; c < NumericValues!.Count; c++)
        {
            if (NumericValues[c].Equals(value))
            {
                return c;
            }
        }

        return -1;
    }

    private int CountDuplicates()
    {
        var duplicates = 0;
        var scratch = new List<int>();
        for (var item = 0; item < Items.Count; item++)
        {
            scratch.Clear();
            foreach (var annotator in AnnotatorsOf(item))
            {
                scratch.Add(annotator);
            }

            scratch.Sort();
            for (var i = 1; i < scratch.Count; i++)
            {
                duplicates += scratch[i] == scratch[i - 1] ? 1 : 0;
            }
        }

        return duplicates;
    }

    /// <summary>Formats a numeric label in invariant culture, for messages.</summary>
    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
