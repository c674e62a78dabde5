using AnnotationGate.Core.Statistics.Agreement;

namespace AnnotationGate.Core.Labels.Aggregation;

/// <summary>
/// Majority vote over crowd labels. Tie rule: among the labels with the most votes, one is drawn
/// with the seeded random source, so reruns agree. <see cref="ItemVote.TiedLabels"/> keeps every
/// tied label so that callers can also report the expected accuracy under random tie-breaking
/// (an item scores 1/k when the gold label is one of k tied labels).
/// </summary>
public static class MajorityVote
{
    /// <summary>Aggregates votes per item; items are returned ordered by id (ordinal).</summary>
    public static IReadOnlyList<ItemVote> Aggregate(IEnumerable<(string Item, string Label)> votes, Random random)
    {
        var byItem = new SortedDictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var (item, label) in votes)
        {
            if (!byItem.TryGetValue(item, out var counts))
            {
                counts = new Dictionary<string, int>(StringComparer.Ordinal);
                byItem[item] = counts;
            }

            counts[label] = counts.GetValueOrDefault(label) + 1;
        }

        var result = new List<ItemVote>(byItem.Count);
        foreach (var (item, counts) in byItem)
        {
            var top = counts.Values.Max();
            var tied = counts.Where(kv => kv.Value == top).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToArray();
            var winner = tied.Length == 1 ? tied[0] : tied[random.Next(tied.Length)];
            result.Add(new ItemVote(item, winner, counts.Values.Sum(), tied));
        }

        return result;
    }

    /// <summary>
    /// Aggregates the ratings of a matrix, where labels compare by value ("1" and "1.0" are one
    /// vote). Labels are the matrix's category names, and items are returned ordered by id (ordinal).
    /// </summary>
    public static IReadOnlyList<ItemVote> Aggregate(RatingMatrix ratings, Random random)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(random);
        var votes = new List<(string Item, string Label)>(ratings.RatingCount);
        for (var item = 0; item < ratings.Items.Count; item++)
        {
            foreach (var category in ratings.CategoriesOf(item))
            {
                votes.Add((ratings.Items[item], ratings.Categories[category]));
            }
        }

        return Aggregate(votes, random);
    }

    /// <summary>
    /// Computes the accuracy against gold labels expected under random tie-breaking: an item scores
    /// 1/k when its gold label is one of its k tied labels and 0 otherwise. Items without a gold
    /// label are skipped. Returns null when no item has one.
    /// </summary>
    public static double? ExpectedAccuracy(
        IEnumerable<ItemVote> votes,
        IReadOnlyDictionary<string, string> gold)
    {
        ArgumentNullException.ThrowIfNull(votes);
        ArgumentNullException.ThrowIfNull(gold);
        var score = 0.0;
        var items = 0;
        foreach (var vote in votes)
        {
            if (gold.TryGetValue(vote.Item, out var truth))
            {
                var tied = vote.TiedLabels.Contains(truth, StringComparer.Ordinal);
                score += tied ? 1.0 / vote.TiedLabels.Count : 0;
                items++;
            }
        }

        return items == 0 ? null : score / items;
    }
}

/// <summary>The aggregated label of one item.</summary>
/// <param name="Item">Item id.</param>
/// <param name="Label">Winning label (a seeded draw among <paramref name="TiedLabels"/> when tied).</param>
/// <param name="Votes">Number of votes the item received.</param>
/// <param name="TiedLabels">Labels sharing the top count, ordered; one entry when there is no tie.</param>
public sealed record ItemVote(string Item, string Label, int Votes, IReadOnlyList<string> TiedLabels)
{
    public bool IsTie => TiedLabels.Count > 1;
}
