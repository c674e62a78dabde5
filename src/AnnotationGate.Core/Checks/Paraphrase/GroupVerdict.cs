namespace AnnotationGate.Core.Checks.Paraphrase;

/// <summary>
/// Result for one group of two or more records. It records the group's size, the lowest pairwise
/// similarity, the centre (the record with the highest mean similarity to the rest) and the outliers
/// (records whose similarity to the centre is below the threshold). It keeps no other member, so a
/// judged group costs little memory.
/// </summary>
internal sealed record GroupVerdict(
    string Group,
    int Size,
    double MinSimilarity,
    GroupMember Center,
    IReadOnlyList<(GroupMember Member, double Similarity)> Outliers)
{
    public bool Inconsistent => Outliers.Count > 0;

    /// <summary>
    /// Compares every pair of members with <paramref name="similarity"/> (indices into
    /// <paramref name="members"/>) and finds the outliers below <paramref name="threshold"/>.
    /// </summary>
    public static GroupVerdict Judge(string group, IReadOnlyList<GroupMember> members, Func<int, int, double> similarity, double threshold)
    {
        var count = members.Count;
        var matrix = new double[count, count];
        var min = 1.0;
        for (var i = 0; i < count; i++)
        {
            matrix[i, i] = 1.0;
            for (var j = i + 1; j < count; j++)
            {
                matrix[i, j] = matrix[j, i] = similarity(i, j);
                min = Math.Min(min, matrix[i, j]);
            }
        }

        var center = CenterOf(matrix, members);
        var outliers = new List<(GroupMember, double)>();
        for (var i = 0; i < count; i++)
        {
            if (i != center && matrix[center, i] < threshold)
            {
                outliers.Add((members[i], matrix[center, i]));
            }
        }

        // Members can all be near the center yet far from each other; then the farthest one is named.
        if (outliers.Count == 0 && min < threshold)
        {
            var farthest = Enumerable.Range(0, count).Where(i => i != center)
                .OrderBy(i => matrix[center, i]).ThenBy(i => members[i].Name, StringComparer.Ordinal).First();
            outliers.Add((members[farthest], matrix[center, farthest]));
        }

        // Lowest similarity first, then by name, so that the order of records in the file does not
        // change which record a finding points at.
        var ordered = outliers.OrderBy(o => o.Item2).ThenBy(o => o.Item1.Name, StringComparer.Ordinal).ToList();
        return new GroupVerdict(group, count, min, members[center], ordered);
    }

    // Returns the member with the highest summed similarity to the others. A tie goes to the first
    // name in ordinal order, so the order of records in the file does not matter.
    private static int CenterOf(double[,] matrix, IReadOnlyList<GroupMember> members)
    {
        var best = 0;
        var bestSum = double.MinValue;
        for (var i = 0; i < members.Count; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < members.Count; j++)
            {
                sum += matrix[i, j];
            }

            var tie = Math.Abs(sum - bestSum) <= 1e-12;
            if ((!tie && sum > bestSum) || (tie && string.CompareOrdinal(members[i].Name, members[best].Name) < 0))
            {
                best = i;
                bestSum = Math.Max(sum, bestSum);
            }
        }

        return best;
    }
}
