using System.Globalization;
using AnnotationGate.Core.Checks;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Evaluation;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Labels.Provenance;
using AnnotationGate.Core.Results;
using AnnotationGate.Core.Statistics;
using AnnotationGate.Core.Statistics.Agreement;

namespace AnnotationGate.Core.Labels.Policy;

/// <summary>
/// The AG3xxx rules over the provenance of every labelled dataset. Rules 3 and 8 (leakage and
/// overconfidence) live in <c>PolicyRules.Statistical.cs</c>, rule 9 (drift) in <c>PolicyRules.Drift.cs</c>.
/// </summary>
internal sealed partial class PolicyRules
{
    private static readonly DatasetPurpose[] UsedPurposes =
        [DatasetPurpose.Training, DatasetPurpose.Evaluation, DatasetPurpose.Golden];

    private readonly CheckContext _context;
    private readonly PolicyConfig _policy;
    private readonly IReadOnlyList<DatasetProvenance> _datasets;
    private readonly IReadOnlySet<string> _references;
    private readonly CancellationToken _cancellationToken;
    private readonly ModelFamilies _families;
    private readonly List<Metric> _metrics = [];
    private readonly List<ResultTable> _tables = [];
    private readonly List<CrowdSummary> _crowd = [];

    public PolicyRules(
        CheckContext context,
        PolicyConfig policy,
        IReadOnlyList<DatasetProvenance> datasets,
        IReadOnlySet<string> references,
        CancellationToken cancellationToken)
    {
        _context = context;
        _policy = policy;
        _datasets = datasets;
        _references = references;
        _cancellationToken = cancellationToken;
        _families = ModelFamilies.Create(context.Config.ModelFamilies);
    }

    /// <summary>True when a finding at error severity (after the gate's rules:) was reported.</summary>
    public bool Failed { get; private set; }

    public IReadOnlyList<Metric> Metrics => _metrics;

    public IReadOnlyList<ResultTable> Tables => _tables;

    /// <summary>Golden sets: reference datasets with expert labels per item.</summary>
    private IEnumerable<DatasetProvenance> Goldens =>
        _datasets.Where(d => _references.Contains(d.Dataset) && d.ItemLabels.Count > 0);

    public void Run()
    {
        UndeclaredSources();
        LlmReference();
        ClosedLoop();
        ReviewSample();
        CrowdVotes();
        BehavioralLabels();
        GoldenSize();
        ObjectiveExpertLabels();
        RunStatisticalRules();
    }

    /// <summary>Rules 3, 8 and 9; implemented in PolicyRules.Statistical.cs and PolicyRules.Drift.cs.</summary>
    partial void RunStatisticalRules();

    private bool IsUsed(DatasetProvenance d) =>
        _references.Contains(d.Dataset) || (d.Purpose is { } p && UsedPurposes.Contains(p));

    private void UndeclaredSources()
    {
        foreach (var d in _datasets.Where(d => d.Unattributed > 0))
        {
            Report(RuleCatalog.UndeclaredLabelSource, d,
                $"Dataset '{d.Dataset}' has {Count(d.Unattributed)} of {Count(d.Labelled)} labels with no declared " +
                "source, so no rule can tell whether they fit their use. Add labels: { source: expert | crowd | " +
                "llm | behavioral | rule }, or a per-record labels.source-field.");
        }
    }

    private void LlmReference()
    {
        foreach (var d in _datasets.Where(d => _references.Contains(d.Dataset)))
        {
            if (d.Slice(LabelSource.Llm) is { Labels: > 0 } llm)
            {
                Report(RuleCatalog.LlmLabelsAsReference, d,
                    $"Dataset '{d.Dataset}' is a golden or evaluation reference, but {Count(llm.Labels)} of " +
                    $"{Count(d.Labelled)} labels come from an LLM{ModelList(llm)}. A model scored against LLM labels " +
                    "is scored on agreeing with that LLM; have experts label the reference set.");
            }
        }
    }

    private void ClosedLoop()
    {
        var model = _context.Config.Model;
        var family = _families.Resolve(model?.Family, model?.Name);
        var unknownUnderTest = model?.Name is not null && family is null;
        foreach (var d in _datasets)
        {
            if (d.Slice(LabelSource.Llm) is not { } llm)
            {
                continue;
            }

            if (unknownUnderTest)
            {
                unknownUnderTest = false;
                Report(RuleCatalog.UnknownModelFamily, d,
                    $"The model under test '{model!.Name}' is not in the model table, so the closed-loop rule cannot " +
                    $"compare it with the family of the LLM labels in '{d.Dataset}'. Set model.family in the gate " +
                    "file, or add the model to model-families:.");
            }

            var sameFamily = 0L;
            foreach (var (name, count) in llm.Models.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                var labeller = FamilyOfLabeller(d, name);
                if (labeller is null)
                {
                    ReportUnknownFamily(d, name, count);
                }
                else if (family is not null && labeller == family && IsUsed(d))
                {
                    sameFamily += count;
                }
            }

            if (sameFamily > 0)
            {
                Report(RuleCatalog.ClosedLoopLabels, d,
                    $"Dataset '{d.Dataset}' ({Purpose(d)}) has {Count(sameFamily)} labels from the '{family}' " +
                    $"family, the family of the model under test '{model?.Name ?? family}'. The model is then " +
                    "graded by its own kind and shares its blind spots; label with another family, or with humans.");
            }
        }
    }

    private string? FamilyOfLabeller(DatasetProvenance d, string model)
    {
        var labels = d.Config.Labels;
        var declared = model.Length == 0 || model == labels?.Model ? labels?.Family : null;
        return _families.Resolve(declared, model);
    }

    private void ReportUnknownFamily(DatasetProvenance d, string model, long count)
    {
        var modelText = model.Length == 0
            ? "no labelling model (labels.model or labels.model-field)"
            : $"labelling model '{model}', whose family is not in the model table";
        Report(RuleCatalog.UnknownModelFamily, d,
            $"Dataset '{d.Dataset}' has {Count(count)} LLM labels with {modelText}, so the closed-loop rule cannot " +
            "check them. Declare labels.family, or add the model to model-families: in the gate file.");
    }

    private void ReviewSample()
    {
        foreach (var d in _datasets)
        {
            if (d.Slice(LabelSource.Llm) is not { Labels: > 0 } llm)
            {
                continue;
            }

            var share = llm.Reviewed / (double)llm.Labels;
            var needed = (long)Math.Ceiling(llm.Labels * _policy.MinReviewShare);
            Add(new Metric(d.Dataset + ".review-share", share)
            {
                Count = llm.Labels, Threshold = _policy.MinReviewShare, Passed = llm.Reviewed >= needed,
            });
            if (llm.Reviewed < needed)
            {
                Report(RuleCatalog.LlmLabelsUnderReviewed, d,
                    $"Dataset '{d.Dataset}' has {Count(llm.Reviewed)} of {Count(llm.Labels)} LLM labels " +
                    $"reviewed by a human ({Percent(share)}); the policy needs {Percent(_policy.MinReviewShare)}, that is " +
                    $"{Count(needed)} of them. Have a human review a random sample and mark it in labels.reviewed.");
            }

            ReviewAgreement(d, llm);
        }
    }

    private void ReviewAgreement(DatasetProvenance d, SourceSlice llm)
    {
        if (llm.ReviewPairs.Count == 0)
        {
            return;
        }

        var agreed = llm.ReviewPairs.LongCount(p => p.Label == p.Review);
        var interval = Proportions.Wilson(agreed, llm.ReviewPairs.Count);
        var kappa = CohensKappa.Compute(llm.ReviewPairs);
        var passed = interval.Estimate >= _policy.MinReviewAgreement;
        Add(new Metric(d.Dataset + ".review-agreement", interval.Estimate)
        {
            Lower = interval.Lower, Upper = interval.Upper, Count = llm.ReviewPairs.Count,
            Threshold = _policy.MinReviewAgreement, Passed = passed,
        });
        Add(new Metric(d.Dataset + ".review-kappa", kappa.Value ?? 0)
        {
            Count = kappa.Units, Defined = kappa.IsDefined, Note = kappa.UndefinedReason,
        });
        if (!passed)
        {
            Report(RuleCatalog.LlmLabelsUnderReviewed, d,
                $"Reviewers agree with {Count(agreed)} of {llm.ReviewPairs.Count} reviewed LLM labels in " +
                $"'{d.Dataset}' ({ReportFormat.Score(interval.Estimate)} {ReportFormat.Interval(interval)}, kappa " +
                $"{ReportFormat.Score(kappa.Value)}), below {ReportFormat.Score(_policy.MinReviewAgreement)}. " +
                "Fix the labelling prompt on the disagreements, or use another source.");
        }
    }

    private void CrowdVotes()
    {
        var goldens = Goldens.ToList();
        foreach (var d in _datasets)
        {
            if (d.Slice(LabelSource.Crowd) is not { Votes.Count: > 0 } crowd)
            {
                continue;
            }

            var random = _context.CreateRandom();
            var summary = CrowdSummary.Compute(d.Dataset, crowd, goldens, _policy.MinCrowdVotes, random);
            _crowd.Add(summary);
            AddCrowdMetrics(summary);
            if (summary.ItemsBelowMinimum > 0)
            {
                Report(RuleCatalog.WeakCrowdLabels, d,
                    $"{Count(summary.ItemsBelowMinimum)} of {Count(summary.Items)} items in '{d.Dataset}' have fewer " +
                    $"than {_policy.MinCrowdVotes} crowd votes (fewest {summary.MinVotes}). With so few votes one " +
                    "careless worker decides the label; collect more votes for those items.");
            }

            if (summary.Alpha.Value is { } alpha && alpha < _policy.MinCrowdAgreement)
            {
                Report(RuleCatalog.WeakCrowdLabels, d,
                    $"Crowd votes in '{d.Dataset}' have Krippendorff's alpha {ReportFormat.Score(alpha)} " +
                    $"(Fleiss' kappa {ReportFormat.Score(summary.Fleiss.Value)}), below " +
                    $"{ReportFormat.Score(_policy.MinCrowdAgreement)}. Clarify the guidelines, screen workers, " +
                    "or aggregate with Dawid-Skene and check it on gold items.");
            }
        }

        if (_crowd.Count > 0)
        {
            _tables.Add(CrowdTable());
        }
    }

    private void AddCrowdMetrics(CrowdSummary s)
    {
        var prefix = s.Dataset + ".";
        Add(new Metric(prefix + "votes-per-item", s.VotesPerItem) { Count = s.Items });
        Add(AgreementMetric(prefix + "fleiss-kappa", s.Fleiss));
        Add(AgreementMetric(prefix + "krippendorff-alpha", s.Alpha) with { Threshold = _policy.MinCrowdAgreement });
        if (s.Spammers is { } spammers)
        {
            Add(new Metric(prefix + "spammers", spammers) { Count = s.Annotators });
        }

        if (s.MajorityVoteAccuracy is { } mv)
        {
            Add(new Metric(prefix + "majority-vote-accuracy", mv) { Count = s.GoldenItems });
        }

        if (s.DawidSkeneAccuracy is { } ds)
        {
            Add(new Metric(prefix + "dawid-skene-accuracy", ds) { Count = s.GoldenItems });
        }
    }

    private static Metric AgreementMetric(string name, AgreementValue value) =>
        new(name, value.Value ?? 0) { Count = value.Units, Defined = value.IsDefined, Note = value.UndefinedReason };

    private ResultTable CrowdTable()
    {
        var rows = _crowd.Select(s => (IReadOnlyList<string>)
        [
            s.Dataset, Count(s.Items), Count(s.Votes), ReportFormat.Mean(s.VotesPerItem), Count(s.Annotators),
            ReportFormat.Agreement(s.Fleiss.Value), ReportFormat.Agreement(s.Alpha.Value),
            s.Golden ?? "n/a", ReportFormat.Score(s.MajorityVoteAccuracy), ReportFormat.Score(s.DawidSkeneAccuracy),
            s.Spammers is { } n ? Count(n) : "n/a",
        ]).ToList();
        string[] columns =
        [
            "dataset", "items", "votes", "votes/item", "annotators", "Fleiss' kappa", "Krippendorff's alpha",
            "golden", "majority vote accuracy", "Dawid-Skene accuracy", "spammers",
        ];
        return new ResultTable("Crowd sources", columns, rows)
        {
            Note = "Alpha is nominal. Majority-vote accuracy counts a tied item as 1/k when the golden label is one " +
                "of its k tied labels (the expected value of a random tie break). Dawid-Skene starts from vote " +
                "shares, so reruns agree; a spammer is an annotator whose labels barely depend on the true class.",
        };
    }

    private void BehavioralLabels()
    {
        foreach (var d in _datasets.Where(IsUsed))
        {
            if (d.Slice(LabelSource.Behavioral) is { Labels: > 0 } behavioral
                && string.IsNullOrWhiteSpace(d.Config.Labels?.Debiasing))
            {
                Report(RuleCatalog.BehavioralLabelsWithoutDebiasing, d,
                    $"Dataset '{d.Dataset}' ({Purpose(d)}) uses {Count(behavioral.Labels)} behavioural signals as " +
                    "labels without a debiasing method. Retries, copies and reformulations only exist for answers " +
                    "users saw, so they carry selection bias; declare labels.debiasing (such as " +
                    "inverse-propensity) or use the signals for monitoring only.");
            }
        }
    }

    private void GoldenSize()
    {
        foreach (var d in Goldens.Where(d => d.Purpose != DatasetPurpose.Evaluation || IsCheckGolden(d.Dataset)))
        {
            var n = d.ItemLabels.Count;
            var (needed, threshold) = NeededGoldenSize(d.Dataset);
            Add(new Metric(d.Dataset + ".golden-items", n) { Threshold = needed, Passed = n >= needed });
            if (n >= needed)
            {
                continue;
            }

            var reason = threshold is { } t
                ? $"so that the 95% Wilson interval around the threshold {ReportFormat.Score(t)} is within " +
                  $"±{ReportFormat.Score(_policy.GoldenMargin)}. Label {Count(needed - n)} more items, or widen " +
                  "policy.golden-margin"
                : $"the policy's golden-min-size. Label {Count(needed - n)} more items";
            Report(RuleCatalog.GoldenSetTooSmall, d,
                $"Golden set '{d.Dataset}' has {Count(n)} items; {Count(needed)} are needed, {reason}.");
        }
    }

    private bool IsCheckGolden(string dataset) => _context.Config.Checks.Any(c =>
        (c is GoldenCheckConfig g && g.Golden == dataset) || (c is LabelSourcesCheckConfig && c.Dataset == dataset));

    private (long Needed, double? Threshold) NeededGoldenSize(string golden)
    {
        var thresholds = new List<double>();
        foreach (var check in _context.Config.Checks)
        {
            if (check is GoldenCheckConfig g && g.Golden == golden)
            {
                // NOTE: per-class thresholds depend on class sizes; only overall metrics are sized here.
                thresholds.AddRange(g.Thresholds
                    .Where(t => GoldenThreshold.OverallKeys.Contains(t.Key, StringComparer.Ordinal))
                    .Select(t => t.Value));
            }
            else if (check is LabelSourcesCheckConfig { MinAccuracy: { } min } s && s.Dataset == golden)
            {
                thresholds.Add(min);
            }
        }

        var best = (Needed: (long)_policy.GoldenMinSize, Threshold: (double?)null);
        foreach (var t in thresholds.Where(t => t is >= 0 and <= 1))
        {
            var size = GoldenSizing.RequiredSize(t, _policy.GoldenMargin);
            if (size > best.Needed)
            {
                best = (size, t);
            }
        }

        return best;
    }

    private void ObjectiveExpertLabels()
    {
        foreach (var d in _datasets.Where(d => d.Config.Task?.Kind == TaskKind.Objective))
        {
            if (d.Slice(LabelSource.Expert) is { Labels: > 0 } expert)
            {
                var cost = expert.Labels * (_context.Config.Costs ?? new CostConfig()).Expert;
                Report(RuleCatalog.ExpertLabelsOnObjectiveTask, d,
                    $"Dataset '{d.Dataset}' spends {Count(expert.Labels)} expert labels ({CostLedger.Money(cost)}) " +
                    "on a task the gate file marks as an objective format check. A rule or a JSON Schema decides it " +
                    "exactly and for free; keep experts for judgement.");
            }
        }
    }

    /// <summary>Builds the sourcing advice table and reports AG3012 where a declared task's source differs.</summary>
    public ResultTable AdviceTable()
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var d in _datasets)
        {
            var declared = d.Sources.Count == 0 ? (LabelSource?)null : d.Sources.MaxBy(s => s.Value.Labels).Key;
            var advice = SourcingAdvisor.Recommend(d.Config, d.Labelled, _policy);
            var task = d.Config.Task is { } t
                ? $"{GateJson.EnumValue(t.Kind)}, complexity {GateJson.EnumValue(t.Complexity)}, " +
                  $"quality {GateJson.EnumValue(t.Quality)}"
                : "not declared";
            rows.Add([d.Dataset, Purpose(d), task, declared is { } s ? LabelSources.Name(s) : "none",
                advice.Recommended, advice.Reason]);
            if (d.Config.Task is not null && declared is { } source && source != advice.Source)
            {
                Report(RuleCatalog.SourcingAdvice, d,
                    $"Dataset '{d.Dataset}' is labelled by {LabelSources.Name(source)}, but its declared task " +
                    $"suggests {advice.Recommended}: {advice.Reason} Consider switching, or keep it and set AG3012 to off.");
            }
        }

        return SourcingAdvisor.Table(rows);
    }

    private void Add(Metric metric) => _metrics.Add(metric with { Check = PolicyStep.StepId });

    private void Report(string code, DatasetProvenance d, string message, string? file = null)
    {
        var severity = _context.Config.Rules.TryGetValue(code, out var s) ? s : RuleCatalog.Get(code).DefaultSeverity;
        Failed |= severity == Severity.Error;
        var path = file ?? (_context.Datasets.TryGetValue(d.Dataset, out var r) ? r.DisplayPath : null);
        _context.Report(code, message, path, d.Dataset);
    }

    private static string Purpose(DatasetProvenance d) =>
        d.Purpose is { } p ? GateJson.EnumValue(p) : "no purpose";

    private static string ModelList(SourceSlice llm)
    {
        var names = llm.Models.Keys.Where(k => k.Length > 0).Order(StringComparer.Ordinal).ToList();
        return names.Count == 0 ? "" : " (" + string.Join(", ", names.Select(n => $"'{n}'")) + ")";
    }

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double share) => Reporting.NumberFormat.Percent(share);
}
