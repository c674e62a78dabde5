namespace AnnotationGate.Core.Checks.Paraphrase;

/// <summary>
/// Judge of paraphrase groups while the dataset streams past. With each group's record count from a
/// first pass, it judges a group once its last record has arrived and, when comparing by embedding,
/// its members have vectors. It keeps the verdict of an inconsistent group and only counts a
/// consistent one. Texts are embedded in chunks of <c>chunkSize</c> and give way to their vectors.
/// Memory therefore contains the open groups' vectors and at most one chunk of texts, which stays
/// small when a file lists each group's records together.
/// </summary>
internal sealed class GroupStream(Dictionary<string, int> remaining, PairSimilarity similarity, double threshold, int chunkSize)
{
    private readonly Dictionary<string, OpenGroup> _open = new(StringComparer.Ordinal);
    private readonly List<GroupMember> _pending = [];
    private readonly List<(string Group, OpenGroup State)> _waiting = [];
    private readonly List<(long Order, GroupVerdict Verdict)> _inconsistent = [];
    private readonly List<(long Order, string Group, GroupMember Member)> _singles = [];
    private readonly HashSet<GroupMember> _singleMembers = [];
    private long _groupsSeen;

    /// <summary>Counts over every judged group (two or more usable records).</summary>
    public GroupTally Tally { get; } = new();

    /// <summary>Inconsistent groups, in the order their first record appeared.</summary>
    public IReadOnlyList<GroupVerdict> Inconsistent => [.. _inconsistent.OrderBy(v => v.Order).Select(v => v.Verdict)];

    /// <summary>Groups with one usable record, in the order they appeared.</summary>
    public IEnumerable<(string Group, GroupMember Member)> Singles => _singles.OrderBy(s => s.Order).Select(s => (s.Group, s.Member));

    /// <summary>Tells whether <paramref name="member"/> is the only usable record of its group.</summary>
    public bool IsSingle(GroupMember member) => _singleMembers.Contains(member);

    /// <summary>Adds one record of <paramref name="group"/>; null when its output was not usable.</summary>
    public void Add(string group, GroupMember? member, CancellationToken cancellationToken)
    {
        if (!_open.TryGetValue(group, out var state))
        {
            _open[group] = state = new OpenGroup(_groupsSeen++, remaining.GetValueOrDefault(group));
        }

        if (member is not null)
        {
            state.Members.Add(member);
            if (state.Records > 1)
            {
                Pend(member);
            }
            else if (state.Members.Count == 2)
            {
                // The group was not counted in the first pass: its first member waits until now.
                Pend(state.Members[0]);
                Pend(member);
            }
            else if (state.Members.Count > 2)
            {
                Pend(member);
            }
        }

        // A group missing from the first pass (the file changed in between) closes at the end.
        if (remaining.TryGetValue(group, out var left))
        {
            remaining[group] = left - 1;
            if (left == 1)
            {
                Close(group, state);
            }
        }

        if (_pending.Count >= chunkSize)
        {
            Flush(cancellationToken);
        }
    }

    /// <summary>Embeds what is pending and judges every group still open.</summary>
    public void Finish(CancellationToken cancellationToken)
    {
        foreach (var (group, state) in _open.ToList())
        {
            Close(group, state);
        }

        // Members of groups that ended with one usable record need no vector.
        _pending.RemoveAll(_singleMembers.Contains);
        Flush(cancellationToken);
    }

    private void Pend(GroupMember member)
    {
        if (similarity.NeedsVectors)
        {
            _pending.Add(member);
        }
    }

    private void Close(string group, OpenGroup state)
    {
        _open.Remove(group);
        if (state.Members.Count == 0)
        {
            return;
        }

        if (state.Members.Count == 1)
        {
            _singles.Add((state.Order, group, state.Members[0]));
            _singleMembers.Add(state.Members[0]);
            return;
        }

        if (similarity.NeedsVectors && state.Members.Any(m => m.Vector is null))
        {
            _waiting.Add((group, state));
            return;
        }

        Judge(group, state);
    }

    private void Flush(CancellationToken cancellationToken)
    {
        if (similarity.NeedsOneCall && _open.Count > 0)
        {
            return;
        }

        similarity.Embed(_pending, cancellationToken);
        _pending.Clear();
        foreach (var (group, state) in _waiting)
        {
            Judge(group, state);
        }

        _waiting.Clear();
    }

    private void Judge(string group, OpenGroup state)
    {
        var members = state.Members;
        var verdict = GroupVerdict.Judge(group, members, (i, j) => similarity.Compare(members[i], members[j]), threshold);
        Tally.Add(verdict);
        if (verdict.Inconsistent)
        {
            _inconsistent.Add((state.Order, verdict));
        }

        foreach (var member in members)
        {
            member.Vector = null;
        }
    }

    /// <summary>A group still receiving records: its rank of appearance and its count from the first pass (0 if absent).</summary>
    private sealed class OpenGroup(long order, int records)
    {
        public long Order { get; } = order;

        public int Records { get; } = records;

        public List<GroupMember> Members { get; } = [];
    }
}

/// <summary>What the report needs of all judged groups: how many, their records, and their lowest similarities.</summary>
internal sealed class GroupTally
{
    public int Groups { get; private set; }

    public long Records { get; private set; }

    public double LowestSimilarity { get; private set; } = 1.0;

    /// <summary>Mean over groups of each group's lowest pair similarity; 0 when no group was judged.</summary>
    public double MeanLowestSimilarity => Groups == 0 ? 0 : (double)(_sum / Groups);

    // Decimal addition of these values is exact, so the mean does not depend on the order groups end in.
    private decimal _sum;

    public void Add(GroupVerdict verdict)
    {
        Groups++;
        Records += verdict.Size;
        LowestSimilarity = Math.Min(LowestSimilarity, verdict.MinSimilarity);
        _sum += (decimal)verdict.MinSimilarity;
    }
}
