using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Labels.Provenance;
using AnnotationGate.Core.Reporting;
using AnnotationGate.Core.Results;
using AnnotationGate.Core.Statistics;

namespace AnnotationGate.Core.Labels.Policy;

// Rule 9 (label drift): a chi-square test of homogeneity between the LLM labels of a dataset and
// the expert labels of the golden sets that belong to the same labelling task.
internal sealed partial class PolicyRules
{
    /// <summary>
    /// Minimum share of the smaller set of distinct label values that an LLM dataset and a golden set
    /// must have in common to count as one labelling task, when labels.drift-reference is not set.
    /// </summary>
    internal const double MinSharedLabelShare = 0.5;

    /// <summary>Label values quoted in an AG3014 message before the list is cut.</summary>
    private const int QuotedLabelValues = 5;

    private void Drift()
    {
        var experts = Goldens.Where(g => g.Slice(LabelSource.Expert) is { Labels: > 0 }).ToList();
        foreach (var d in _datasets)
        {
            if (d.Slice(LabelSource.Llm) is not { Labels: > 0 } llm)
            {
                continue;
            }

            if (d.Config.Labels?.DriftReference is { } reference)
            {
                DriftAgainstNamedReference(d, llm, reference);
                continue;
            }

            var candidates = experts.Where(g => g.Dataset != d.Dataset).ToList();
            var related = candidates.Where(g => SharesLabelSpace(llm, g.Slice(LabelSource.Expert)!)).ToList();
            if (candidates.Count > 0 && related.Count == 0)
            {
                ReportNoRelatedGolden(d, llm, candidates);
            }

            foreach (var golden in related)
            {
                TestDrift(d, llm, golden);
            }
        }
    }

    /// <summary>
    /// Tests against the golden set that labels.drift-reference names, whatever the label overlap,
    /// unless that set has no expert labels or shares no label value at all.
    /// </summary>
    private void DriftAgainstNamedReference(DatasetProvenance d, SourceSlice llm, string reference)
    {
        var golden = _datasets.FirstOrDefault(g => g.Dataset == reference);
        if (golden?.Slice(LabelSource.Expert) is not { Labels: > 0 } expert)
        {
            Report(RuleCatalog.LabelDriftNotTested, d,
                $"labels.drift-reference of '{d.Dataset}' names '{reference}', which has no expert labels, so " +
                "the drift of its LLM labels was not tested. Name a golden dataset with labels: { source: expert }.");
            return;
        }

        if (!llm.Distribution.Keys.Any(expert.Distribution.ContainsKey))
        {
            Report(RuleCatalog.LabelDriftNotTested, d,
                $"LLM labels in '{d.Dataset}' ({Values(llm)}) share no value with the expert labels in " +
                $"'{reference}' ({Values(expert)}), which labels.drift-reference names, so drift was not tested. " +
                "Check that both datasets label the same task and that labels.field points at the label.");
            return;
        }

        TestDrift(d, llm, golden);
    }

    private void ReportNoRelatedGolden(DatasetProvenance d, SourceSlice llm, List<DatasetProvenance> candidates)
    {
        var goldens = string.Join(", ", candidates.Select(g =>
            $"'{g.Dataset}' ({Values(g.Slice(LabelSource.Expert)!)})"));
        Report(RuleCatalog.LabelDriftNotTested, d,
            $"LLM labels in '{d.Dataset}' ({Values(llm)}) share fewer than half of their values with the expert " +
            $"labels of every golden set: {goldens}. They look like another labelling task, so drift was not " +
            "tested. If one of these sets is their reference, name it in labels.drift-reference.");
    }

    /// <summary>
    /// True when the two sets of distinct label values share at least
    /// <see cref="MinSharedLabelShare"/> of the smaller one, so that a drifting labeller that invents
    /// a few classes still counts as labelling the same task.
    /// </summary>
    internal static bool SharesLabelSpace(SourceSlice llm, SourceSlice expert)
    {
        var shared = llm.Distribution.Keys.Count(expert.Distribution.ContainsKey);
        var smaller = Math.Min(llm.Distribution.Count, expert.Distribution.Count);
        return smaller > 0 && shared >= MinSharedLabelShare * smaller;
    }

    private void TestDrift(DatasetProvenance d, SourceSlice llm, DatasetProvenance golden)
    {
        var expert = golden.Slice(LabelSource.Expert)!;
        var result = ChiSquare.Homogeneity(
            llm.Distribution.ToDictionary(kv => kv.Key, kv => kv.Value),
            expert.Distribution.ToDictionary(kv => kv.Key, kv => kv.Value));
        var name = $"{d.Dataset}.drift-p-value.{golden.Dataset}";
        if (!result.IsDefined)
        {
            // One class in both sets (or an empty one) leaves nothing to test; NaN must not print as a value.
            Add(new Metric(name, 0)
            {
                Count = llm.Labels + expert.Labels, Defined = false, Note = result.UndefinedReason,
            });
            return;
        }

        Add(new Metric(name, result.PValue)
        {
            Count = llm.Labels + expert.Labels, Threshold = _policy.DriftAlpha,
            Passed = result.PValue >= _policy.DriftAlpha,
        });
        if (result.PValue < _policy.DriftAlpha)
        {
            var drivers = string.Join(", ", result.Drivers.Take(3)
                .Select(x => $"'{x.Category}' ({NumberFormat.Fixed(x.Contribution, 1)})"));
            Report(RuleCatalog.LabelDistributionDrift, d,
                $"LLM labels in '{d.Dataset}' are distributed differently from expert labels in " +
                $"'{golden.Dataset}' (chi-square {NumberFormat.Fixed(result.Statistic, 1)}, " +
                $"df {result.DegreesOfFreedom}, p {NumberFormat.Trimmed(result.PValue, 0, 4)} " +
                $"< {NumberFormat.Trimmed(_policy.DriftAlpha, 0, 4)}); driven by {drivers}. " +
                "Check the labelling prompt on those classes against the expert guidelines.");
        }
    }

    /// <summary>Quotes the distinct label values of a slice, most frequent first, cut after a few.</summary>
    private static string Values(SourceSlice slice)
    {
        var values = slice.Distribution
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"'{kv.Key}'")
            .ToList();
        var more = values.Count > QuotedLabelValues ? $" and {values.Count - QuotedLabelValues} more" : "";
        return string.Join(", ", values.Take(QuotedLabelValues)) + more;
    }
}
