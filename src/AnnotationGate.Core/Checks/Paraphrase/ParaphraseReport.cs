using System.Globalization;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Reporting;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Checks.Paraphrase;

/// <summary>Turns group verdicts into findings, metrics, a table of the worst groups and the check result.</summary>
internal sealed class ParaphraseReport(ParaphraseCheckConfig config, string checkId, double threshold)
{
    /// <summary>Rows of the inconsistent-groups table, worst first.</summary>
    public const int MaxTableRows = 50;

    private const int MaxOutliersNamed = 5;

    public void ReportSingles(CheckContext context, IEnumerable<(string Group, GroupMember Member)> singles)
    {
        foreach (var (group, member) in singles)
        {
            context.Report(Located(member, RuleCatalog.SingleRecordGroup, Severity.Notice,
                $"Paraphrase group '{group}' has only this record, so there is nothing to compare it with. "
                + "Add paraphrased variants of its input (annotationgate paraphrase writes some), or check the group field."));
        }
    }

    public void ReportTruncated(CheckContext context, IEnumerable<GroupMember> members)
    {
        foreach (var member in members)
        {
            context.Report(Located(member, RuleCatalog.TruncatedForEmbedding, Severity.Notice,
                "Output is longer than the embedding model's input limit and was cut before comparison, "
                + "so text past the limit does not count. Compare a shorter field, or set compare: fields for JSON outputs."));
        }
    }

    public CheckResult Complete(CheckContext context, GroupTally tally, IReadOnlyList<GroupVerdict> inconsistentGroups, long skipped, int truncated)
    {
        var inconsistent = inconsistentGroups.OrderBy(v => v.MinSimilarity).ThenBy(v => v.Group, StringComparer.Ordinal).ToList();
        var share = tally.Groups == 0 ? 0.0 : inconsistent.Count / (double)tally.Groups;
        var failed = share > config.MaxInconsistentGroups;
        foreach (var verdict in inconsistent)
        {
            context.Report(GroupFinding(verdict, failed ? Severity.Error : Severity.Warning));
        }

        return new CheckResult(checkId, config.Type)
        {
            Dataset = config.Dataset,
            Status = failed ? CheckStatus.Failed : CheckStatus.Passed,
            RecordsChecked = tally.Records,
            RecordsFailed = inconsistent.Sum(v => v.Outliers.Count),
            RecordsSkipped = skipped,
            Summary = Summary(tally.Groups, inconsistent.Count, share),
            Metrics = Metrics(tally, inconsistent.Count, share, failed, truncated),
            Tables = inconsistent.Count == 0 ? [] : [Table(inconsistent)],
        };
    }

    private Finding GroupFinding(GroupVerdict verdict, Severity severity)
    {
        var outliers = string.Join(", ", verdict.Outliers.Take(MaxOutliersNamed).Select(o => $"'{o.Member.Name}' ({Format(o.Similarity)})"));
        var more = verdict.Outliers.Count > MaxOutliersNamed ? $" and {verdict.Outliers.Count - MaxOutliersNamed} more" : "";
        var message = $"Paraphrase group '{verdict.Group}' has inconsistent outputs: the lowest pair similarity is "
            + $"{Format(verdict.MinSimilarity)}, below {Format(threshold)}. Compared with '{verdict.Center.Name}', "
            + $"the outliers are {outliers}{more}. Make the model answer these paraphrases alike, or lower min-similarity "
            + "if the differences are acceptable.";
        return Located(verdict.Outliers[0].Member, RuleCatalog.InconsistentParaphraseGroup, severity, message);
    }

    private static Finding Located(GroupMember member, string code, Severity severity, string message) =>
        new(code, severity, message)
        {
            File = member.File,
            Line = member.Line,
            RecordId = member.RecordId,
            Dataset = member.Dataset,
        };

    private string Summary(int groups, int inconsistent, double share) =>
        groups == 0
            ? "No paraphrase group has two or more records."
            : $"{inconsistent} of {groups} paraphrase groups are inconsistent ({Percent(share)}; at most {Percent(config.MaxInconsistentGroups)} allowed).";

    private List<Metric> Metrics(GroupTally tally, int inconsistent, double share, bool failed, int truncated)
    {
        var metrics = new List<Metric>
        {
            new("inconsistent-group-share", share)
            {
                Check = checkId,
                Count = tally.Groups,
                Threshold = config.MaxInconsistentGroups,
                ThresholdIsMaximum = true,
                Passed = tally.Groups == 0 ? null : !failed,
                Defined = tally.Groups > 0,
                Note = tally.Groups == 0 ? "No group has two or more records." : null,
            },
            new("inconsistent-groups", inconsistent) { Check = checkId, Count = tally.Groups, IsCount = true },
        };
        if (tally.Groups > 0)
        {
            metrics.Add(new Metric("min-group-similarity", tally.LowestSimilarity) { Check = checkId, Threshold = threshold });
            metrics.Add(new Metric("mean-group-min-similarity", tally.MeanLowestSimilarity) { Check = checkId });
        }

        if (config.Compare == ParaphraseComparison.Embedding && config.ModelName == "minilm")
        {
            metrics.Add(new Metric("truncated-outputs", truncated) { Check = checkId, IsCount = true });
        }

        return metrics;
    }

    private ResultTable Table(List<GroupVerdict> inconsistent)
    {
        var rows = inconsistent.Take(MaxTableRows)
            .Select(v => (IReadOnlyList<string>)[
                v.Group,
                v.Size.ToString(CultureInfo.InvariantCulture),
                Format(v.MinSimilarity),
                v.Center.Name,
                string.Join(", ", v.Outliers.Take(MaxOutliersNamed).Select(o => o.Member.Name)),
            ])
            .ToList();
        var note = inconsistent.Count > MaxTableRows ? $"The {MaxTableRows} groups with the lowest similarity of {inconsistent.Count}." : null;
        return new ResultTable("Inconsistent paraphrase groups", ["group", "records", "min similarity", "compared with", "outliers"], rows)
        {
            Note = note,
        };
    }

    private static string Format(double value) => NumberFormat.Fixed(value, 3);

    private static string Percent(double share) => NumberFormat.Percent(share);
}
