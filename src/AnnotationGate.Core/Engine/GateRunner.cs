using System.Diagnostics;
using AnnotationGate.Core.Checks;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Labels.Policy;
using AnnotationGate.Core.Regression;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Engine;

/// <summary>
/// Runs a gate file end to end: loads and validates it, streams each dataset once through its record
/// checks, runs the whole-dataset checks, and returns the <see cref="GateResult"/>.
/// </summary>
public sealed class GateRunner
{
    private readonly GateRunOptions _options;

    public GateRunner(GateRunOptions? options = null)
    {
        _options = options ?? new GateRunOptions();
    }

    /// <summary>Runs the gate. Configuration problems give a result with verdict <see cref="Verdict.Error"/>, not an exception.</summary>
    public async Task<GateResult> RunAsync(string gatePath, CancellationToken cancellationToken = default)
    {
        var started = _options.Time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        LoadedGate gate;
        try
        {
            gate = GateFileLoader.Load(gatePath);
        }
        catch (GateConfigurationException ex)
        {
            return ConfigurationFailure(gatePath, Path.GetFileNameWithoutExtension(gatePath), ex.Errors, started, clock.Elapsed);
        }

        var (session, checks, errors) = Prepare(gate);
        var findings = session.Findings;
        if (errors.Count > 0)
        {
            return ConfigurationFailure(gatePath, GateName(gate), errors, started, clock.Elapsed);
        }

        var results = new Dictionary<string, CheckResult>(StringComparer.Ordinal);
        var couldNotRun = false;
        PolicyOutcome? policy = null;
        try
        {
            RunRecordChecks(session, checks.OfType<IRecordCheck>().ToList(), results, cancellationToken);
            foreach (var step in checks.OfType<IGateStep>())
            {
                results[step.Id] = await RunStepAsync(session, step, cancellationToken).ConfigureAwait(false);
            }

            policy = PolicyStep.Run(new CheckContext(session, PolicyStep.StepId, null), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            couldNotRun = true;
            findings.Add(new Finding(RuleCatalog.UnreadableFile, Severity.Error,
                $"Reading failed: {ex.Message} Check that the file exists and is readable, then run again."));
        }

        var checkResults = checks.Select(IdOf).Where(results.ContainsKey).Select(id => results[id]).ToList();
        var regression = couldNotRun ? null : CompareWithBaseline(gate, checkResults, findings);
        checkResults = MarkRegressedChecks(gate, checkResults, regression);
        var failed = findings.HasAtLeast(_options.WarningsAsErrors ? Severity.Warning : Severity.Error);
        return new GateResult
        {
            GateName = GateName(gate),
            GateFile = gatePath,
            Verdict = couldNotRun || checkResults.Any(c => c.Status == CheckStatus.Error) ? Verdict.Error
                : failed ? Verdict.Fail
                : Verdict.Pass,
            StartedAt = started,
            Duration = clock.Elapsed,
            WarningsAsErrors = _options.WarningsAsErrors,
            Findings = findings.Findings,
            Omitted = findings.Omitted,
            Checks = [.. checkResults, .. PolicyResult(policy, gate)],
            Tables = [.. PolicyTables(policy, gate), .. regression?.ToTables() ?? []],
            Regression = regression,
        };
    }

    /// <summary>
    /// Checks a gate without reading any record: the gate file, the dataset paths and formats, and
    /// every check's own keys (schemas, field paths, patterns). Returns every error found.
    /// </summary>
    public IReadOnlyList<ConfigurationError> Validate(string gatePath)
    {
        try
        {
            return Prepare(GateFileLoader.Load(gatePath)).Errors;
        }
        catch (GateConfigurationException ex)
        {
            return ex.Errors;
        }
    }

    private (GateSession Session, List<object> Checks, List<ConfigurationError> Errors) Prepare(LoadedGate gate)
    {
        var findings = new FindingCollector(gate.Config.Rules, gate.Config.MaxFindingsPerRule)
        {
            LocateUnplaced = finding => AtCheckEntry(gate, finding),
        };
        var root = _options.RepositoryRoot is { } given ? Path.GetFullPath(given) : FindRepositoryRoot(gate.Path);
        var session = new GateSession(gate, root, findings, _options.Time, _options.Services ?? EmptyServices.Instance);
        var errors = new List<ConfigurationError>();
        ResolveDatasets(session, errors);
        var checks = CreateChecks(session, errors);

        // The label-source policy runs on every dataset with labels, so such a gate checks something
        // even with an empty checks list.
        if (gate.Config.Checks.Count == 0 && gate.Config.Datasets.Values.All(d => d.Labels is null))
        {
            errors.Add(gate.ErrorAt("/checks",
                "The gate has no checks and no labelled dataset, so it would verify nothing. Add at least one entry under checks.")
                with { Code = RuleCatalog.NoCheckExecuted });
        }

        return (session, checks, errors);
    }

    /// <summary>Places a finding with no file at its check's entry in the gate file, when it names a check.</summary>
    private static Finding AtCheckEntry(LoadedGate gate, Finding finding)
    {
        for (var i = 0; i < gate.Config.Checks.Count; i++)
        {
            if (CheckIdOf(gate.Config.Checks[i], i) == finding.Check)
            {
                var position = gate.ErrorAt($"/checks/{i}", "");
                return finding with { File = gate.DisplayPath, Line = position.Line, Column = position.Column };
            }
        }

        return finding;
    }

    /// <summary>
    /// Compares the run with its baseline (from the options, else the gate file's <c>baseline</c> key)
    /// and adds the comparison's findings; returns null when there is no baseline to compare with.
    /// </summary>
    private RegressionReport? CompareWithBaseline(LoadedGate gate, List<CheckResult> checks, FindingCollector findings)
    {
        var path = BaselinePathFor(gate);
        if (_options.SkipBaseline || path is null)
        {
            return null;
        }

        var loaded = BaselineStore.Load(path, _options.BaselinePath ?? gate.Config.Baseline);
        if (loaded.Finding is { } problem)
        {
            findings.Add(problem);
        }

        if (loaded.Baseline is null)
        {
            return null;
        }

        var current = new GateResult { GateName = GateName(gate), GateFile = gate.DisplayPath, Verdict = Verdict.Pass, Checks = checks };
        var report = RegressionComparer.Compare(
            loaded.Baseline,
            current,
            RegressionOptions.From(gate.Config.Regression, gate.Config.Seed),
            BaselineFile.ComputeSha256(gate.Path),
            _options.BaselinePath ?? gate.Config.Baseline);
        foreach (var finding in report.Findings)
        {
            findings.Add(finding);
        }

        return report;
    }

    /// <summary>
    /// Marks each check that passed on its own but regressed against the baseline as failed, with
    /// <see cref="CheckResult.RegressedReason"/>, when AG2010 is at a severity that fails this run.
    /// Then the check rows agree with the verdict.
    /// </summary>
    private List<CheckResult> MarkRegressedChecks(LoadedGate gate, List<CheckResult> checks, RegressionReport? report)
    {
        var severity = gate.Config.Rules.TryGetValue(RuleCatalog.SignificantRegression, out var configured)
            ? configured
            : RuleCatalog.Get(RuleCatalog.SignificantRegression).DefaultSeverity;
        var failing = _options.WarningsAsErrors ? Severity.Warning : Severity.Error;
        if (report is null || severity == Severity.Off || severity < failing)
        {
            return checks;
        }

        var regressed = report.Checks
            .Where(c => c.Metrics.Any(m => m.Verdict == RegressionVerdict.Regression))
            .Select(c => c.CheckId)
            .ToHashSet(StringComparer.Ordinal);
        return [.. checks.Select(check => check.Status == CheckStatus.Passed && regressed.Contains(check.Id)
            ? check with { Status = CheckStatus.Failed, StatusReason = CheckResult.RegressedReason }
            : check)];
    }

    /// <summary>Returns the full path of the baseline this run compares with, or null when it has none.</summary>
    public string? BaselinePathFor(LoadedGate gate) =>
        _options.BaselinePath is { } given ? Path.GetFullPath(given) : ConfiguredBaselinePath(gate);

    /// <summary>Returns the full path of the gate file's <c>baseline</c> key, relative to the gate file, or null.</summary>
    public static string? ConfiguredBaselinePath(LoadedGate gate) =>
        gate.Config.Baseline is { } configured
            ? Path.GetFullPath(Path.Combine(Path.GetDirectoryName(gate.Path)!, configured))
            : null;

    /// <summary>Returns the nearest folder above <paramref name="gatePath"/> that contains <c>.git</c>, else the gate's folder.</summary>
    public static string FindRepositoryRoot(string gatePath)
    {
        var start = Path.GetDirectoryName(Path.GetFullPath(gatePath))!;
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }

        return start;
    }

    /// <summary>Returns the id a check gets: its <c>id</c> key, else <c>TYPE-N</c> with N its position from 1.</summary>
    public static string CheckIdOf(CheckConfig config, int index) => config.Id ?? $"{config.Type}-{index + 1}";

    // The policy summary and its cost and sourcing tables are empty unless a dataset has labels.
    private static IEnumerable<CheckResult> PolicyResult(PolicyOutcome? policy, LoadedGate gate) =>
        policy is null || !HasLabels(gate) ? [] : [policy.Result];

    private static IEnumerable<ResultTable> PolicyTables(PolicyOutcome? policy, LoadedGate gate) =>
        policy is null || !HasLabels(gate) ? [] : policy.GateTables;

    private static bool HasLabels(LoadedGate gate) => gate.Config.Datasets.Values.Any(d => d.Labels is not null);

    private static string GateName(LoadedGate gate) =>
        gate.Config.Name ?? Path.GetFileNameWithoutExtension(gate.Path).Replace(".gate", "", StringComparison.Ordinal);

    private static Severity? SeverityOf(LoadedGate gate, string checkId)
    {
        for (var i = 0; i < gate.Config.Checks.Count; i++)
        {
            if (CheckIdOf(gate.Config.Checks[i], i) == checkId)
            {
                return gate.Config.Checks[i].Severity;
            }
        }

        return null;
    }

    private static string IdOf(object check) => check switch
    {
        IRecordCheck r => r.Id,
        IGateStep s => s.Id,
        _ => throw new InvalidOperationException("Unknown check kind."),
    };

    private static void ResolveDatasets(GateSession session, List<ConfigurationError> errors)
    {
        foreach (var (name, config) in session.Config.Datasets)
        {
            var pointer = $"/datasets/{name}";
            string full;
            try
            {
                full = session.ResolvePath(config.Path, pointer + "/path");
            }
            catch (GateConfigurationException ex)
            {
                errors.AddRange(ex.Errors);
                continue;
            }

            var format = config.Format ?? RecordReaders.InferFormat(config.Path);
            if (format is null)
            {
                errors.Add(session.Gate.ErrorAt(pointer + "/path",
                    $"Cannot tell the format of '{config.Path}' from its extension. Add format: jsonl, json, csv or tsv to dataset '{name}'."));
                continue;
            }

            if (!File.Exists(full))
            {
                errors.Add(session.Gate.ErrorAt(pointer + "/path",
                    $"Dataset '{name}' file '{config.Path}' was not found (looked for '{full}'). Check the path; it is relative to the gate file.")
                    with { Code = RuleCatalog.DatasetNotFound });
                continue;
            }

            FieldPath? idPath = null;
            if (config.Id is not null && !FieldPath.TryParse(config.Id, out idPath, out var idError))
            {
                errors.Add(session.Gate.ErrorAt(pointer + "/id", idError));
                continue;
            }

            // Repository-relative with forward slashes: what SARIF, GitHub annotations and editors resolve.
            var display = Path.GetRelativePath(session.RepositoryRoot, full).Replace('\\', '/');
            session.Datasets[name] = new ResolvedDataset(name, config, full, display, format.Value) { IdPath = idPath };
        }
    }

    private static List<object> CreateChecks(GateSession session, List<ConfigurationError> errors)
    {
        var checks = new List<object>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < session.Config.Checks.Count; i++)
        {
            var config = session.Config.Checks[i];
            var id = CheckIdOf(config, i);
            var setup = new CheckSetup(session.Gate, i, id, session.ResolvePath, errors);
            if (!ids.Add(id))
            {
                setup.Fail("id", $"Check id '{id}' is used twice; give each check a unique id.");
                continue;
            }

            if (setup.Dataset("dataset", config.Dataset) is null)
            {
                continue;
            }

            if (CheckFactory.Create(config, setup) is { } check)
            {
                checks.Add(check);
            }
        }

        return checks;
    }

    // A step that fails (an embedding cache that cannot be written, a damaged model) is reported as
    // not run, and the steps after it still run.
    private static async Task<CheckResult> RunStepAsync(GateSession session, IGateStep step, CancellationToken cancellationToken)
    {
        var context = new CheckContext(session, step.Id, SeverityOf(session.Gate, step.Id));
        try
        {
            return await step.RunAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            var config = session.Config.Checks.Where((c, i) => CheckIdOf(c, i) == step.Id).FirstOrDefault();
            session.Findings.Add(new Finding(RuleCatalog.CheckCouldNotRun, Severity.Error,
                $"Check '{step.Id}' could not run: {ex.Message.TrimEnd()}{(ex.Message.TrimEnd().EndsWith('.') ? "" : ".")} "
                + "The other checks ran; fix the cause and run again.")
            {
                Check = step.Id,
                Dataset = config?.Dataset,
            });
            return new CheckResult(step.Id, config?.Type ?? "check")
            {
                Dataset = config?.Dataset,
                Status = CheckStatus.Error,
                Summary = "Not run: " + ex.Message,
            };
        }
    }

    private void RunRecordChecks(GateSession session, List<IRecordCheck> checks, Dictionary<string, CheckResult> results, CancellationToken cancellationToken)
    {
        foreach (var group in checks.GroupBy(c => c.Dataset, StringComparer.Ordinal))
        {
            var contexts = group.Select(c => (Check: c, Context: new CheckContext(session, c.Id, SeverityOf(session.Gate, c.Id)))).ToArray();
            var pass = new RecordPass(session, session.Datasets[group.Key], contexts, _options.Progress);
            foreach (var result in pass.Run(cancellationToken))
            {
                results[result.Id] = UnevaluatedCheck.Flag(
                    session, result, group.Key, SeverityOf(session.Gate, result.Id), _options.WarningsAsErrors);
            }
        }
    }

    private static GateResult ConfigurationFailure(string gatePath, string name, IReadOnlyList<ConfigurationError> errors, DateTimeOffset started, TimeSpan duration) =>
        new()
        {
            GateName = name,
            GateFile = gatePath,
            Verdict = Verdict.Error,
            StartedAt = started,
            Duration = duration,
            Findings = [.. errors.Select(e => new Finding(e.Code, Severity.Error, e.Message)
            {
                File = e.File,
                Line = e.Line > 0 ? e.Line : null,
                Column = e.Column > 0 ? e.Column : null,
                JsonPointer = e.Pointer,
            })],
        };

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
