using AnnotationGate.Core.Checks;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Labels.Provenance;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Labels.Policy;

/// <summary>
/// The label-source policy, run on every gate after the checks. It reads every dataset that has
/// labels, works out where each label came from, applies the AG3xxx rules, and returns a check
/// result (crowd statistics and rule metrics) and the gate-level cost ledger and sourcing advice.
/// </summary>
public static class PolicyStep
{
    /// <summary>Id of the policy step in reports and findings.</summary>
    public const string StepId = "policy";

    private static void ReportFieldsNeverFound(CheckContext context, Data.ResolvedDataset dataset, DatasetProvenance provenance)
    {
        foreach (var (key, path) in provenance.FieldsNeverFound)
        {
            context.Report(Findings.RuleCatalog.FieldNeverFound,
                $"labels.{key} '{path}' of dataset '{dataset.Name}' matched none of its {provenance.Records} records, so the policy rules that need it saw nothing. Fix the field path.",
                dataset.DisplayPath, dataset.Name);
        }
    }

    /// <summary>Runs the policy over the datasets of <paramref name="context"/>.</summary>
    public static PolicyOutcome Run(CheckContext context, CancellationToken cancellationToken)
    {
        var policy = context.Config.Policy ?? new PolicyConfig();
        var references = ReferenceDatasets(context.Config);
        var datasets = new List<DatasetProvenance>();
        var hasCrowd = context.Config.Datasets.Values.Any(d => d.Labels?.Source == LabelSource.Crowd);
        foreach (var (name, dataset) in context.Datasets.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            var reader = new ProvenanceReader(name, dataset.Config) { KeepUnreviewedConfidences = hasCrowd };
            if (reader.HasLabels)
            {
                var keep = references.Contains(name);
                var provenance = reader.Read(context.ReadDataset(name, cancellationToken), keep);
                ReportFieldsNeverFound(context, dataset, provenance);
                datasets.Add(provenance);
            }
        }

        var rules = new PolicyRules(context, policy, datasets, references, cancellationToken);
        rules.Run();
        var ledger = CostLedger.Lines(datasets, context.Config.Costs ?? new CostConfig(), policy);
        var tables = new List<ResultTable> { CostLedger.Table(ledger), rules.AdviceTable() };
        var result = new CheckResult(StepId, StepId)
        {
            Status = rules.Failed ? CheckStatus.Failed : CheckStatus.Passed,
            RecordsChecked = datasets.Sum(d => d.Records),
            Summary = $"Label-source policy over {datasets.Count} labelled dataset(s).",
            Metrics = rules.Metrics,
            Tables = rules.Tables,
        };
        return new PolicyOutcome(result, tables);
    }

    /// <summary>
    /// Names the datasets used as a reference: purpose golden or evaluation, the golden set of a
    /// golden check, and the dataset of a label-sources check.
    /// </summary>
    public static IReadOnlySet<string> ReferenceDatasets(GateConfig config)
    {
        var names = config.Datasets
            .Where(d => d.Value.Purpose is DatasetPurpose.Golden or DatasetPurpose.Evaluation)
            .Select(d => d.Key)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var check in config.Checks)
        {
            if (check is GoldenCheckConfig golden)
            {
                names.Add(golden.Golden);
            }
            else if (check is LabelSourcesCheckConfig)
            {
                names.Add(check.Dataset);
            }
        }

        return names;
    }
}

/// <summary>What the policy step returns: its check result and the tables that belong to the whole gate.</summary>
public sealed record PolicyOutcome(CheckResult Result, IReadOnlyList<ResultTable> GateTables);
