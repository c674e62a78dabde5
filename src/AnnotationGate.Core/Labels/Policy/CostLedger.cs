using System.Globalization;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Evaluation;
using AnnotationGate.Core.Labels.Provenance;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Labels.Policy;

/// <summary>
/// The cost of each dataset's labels by source. The direct cost is labels (crowd: votes) times
/// the unit cost (the dataset's <c>labels.unit-cost</c>, else the gate's <c>costs:</c>). The
/// effective cost adds what the gate can see: for LLM labels the human review sample the policy
/// requires (at least the reviewed labels) paid at the expert rate; for crowd votes the pilot
/// share, and the votes discarded by spam filtering, which are paid for but not used.
/// </summary>
public static class CostLedger
{
    public const string Title = "Cost ledger";

    /// <summary>One ledger line.</summary>
    public sealed record Line(
        string Dataset,
        LabelSource Source,
        long Items,
        long Labels,
        double UnitCost,
        double DirectCost,
        double ReviewCost,
        double Overhead)
    {
        public double EffectiveCost => DirectCost + ReviewCost + Overhead;

        public double PerItem => Items == 0 ? 0 : EffectiveCost / Items;
    }

    /// <summary>Computes the ledger lines, one per dataset and source, in dataset then source order.</summary>
    public static IReadOnlyList<Line> Lines(
        IEnumerable<DatasetProvenance> datasets,
        CostConfig costs,
        PolicyConfig policy)
    {
        var lines = new List<Line>();
        foreach (var dataset in datasets.OrderBy(d => d.Dataset, StringComparer.Ordinal))
        {
            foreach (var slice in dataset.Sources.Values)
            {
                lines.Add(LineOf(dataset, slice, costs, policy));
            }
        }

        return lines;
    }

    /// <summary>Builds the report table.</summary>
    public static ResultTable Table(IReadOnlyList<Line> lines)
    {
        var rows = lines.Select(l => (IReadOnlyList<string>)
        [
            l.Dataset,
            LabelSources.Name(l.Source),
            ReportFormat.Count(l.Items),
            ReportFormat.Count(l.Labels),
            Money(l.UnitCost),
            Money(l.DirectCost),
            Money(l.ReviewCost),
            Money(l.Overhead),
            Money(l.EffectiveCost),
            Money(l.PerItem),
        ]).ToList();
        string[] columns =
        [
            "dataset", "source", "items", "labels", "unit cost", "direct cost", "review cost",
            "pilot + spam", "effective cost", "per item",
        ];
        return new ResultTable(Title, columns, rows)
        {
            Note = "Labels are votes for crowd sources. Review cost is the larger of the reviewed LLM labels " +
                "and the policy's review sample, at the expert rate. Pilot + spam adds the pilot share of crowd " +
                "work and the votes spam filtering discards. Unit costs come from costs: or labels.unit-cost.",
        };
    }

    /// <summary>Formats dollars with two to four decimals, such as <c>$0.003</c> or <c>$12.50</c>.</summary>
    public static string Money(double value) => "$" + Reporting.NumberFormat.Trimmed(value, 2, 4);

    private static Line LineOf(DatasetProvenance dataset, SourceSlice slice, CostConfig costs, PolicyConfig policy)
    {
        var unit = dataset.Config.Labels?.UnitCost ?? UnitCost(slice.Source, costs);
        var direct = slice.Labels * unit;
        var items = slice.Source == LabelSource.Crowd
            ? slice.Votes.Select(v => v.Item).Distinct().LongCount()
            : slice.Labels;
        var review = 0.0;
        var overhead = 0.0;
        if (slice.Source == LabelSource.Llm)
        {
            var sample = Math.Max(slice.Reviewed, (long)Math.Ceiling(slice.Labels * policy.MinReviewShare));
            review = sample * costs.Expert;
        }
        else if (slice.Source == LabelSource.Crowd)
        {
            overhead = (direct * (1 + policy.PilotShare) / (1 - policy.SpamShare)) - direct;
        }

        return new Line(dataset.Dataset, slice.Source, items, slice.Labels, unit, direct, review, overhead);
    }

    private static double UnitCost(LabelSource source, CostConfig costs) => source switch
    {
        LabelSource.Expert => costs.Expert,
        LabelSource.Crowd => costs.Crowd,
        LabelSource.Llm => costs.Llm,
        LabelSource.Behavioral => costs.Behavioral,
        _ => costs.Rule,
    };
}
