using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Text;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;
using AnnotationGate.Core.Findings;

namespace AnnotationGate.Core.Engine;

/// <summary>State shared by the checks of one run.</summary>
internal sealed class GateSession
{
    private readonly HashSet<string> _datasetsRead = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _unreadableRecords = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public GateSession(LoadedGate gate, string repositoryRoot, FindingCollector findings, TimeProvider time, IServiceProvider services)
    {
        Gate = gate;
        RepositoryRoot = Directory.Exists(repositoryRoot) ? RealPath(Path.GetFullPath(repositoryRoot)) : repositoryRoot;
        Findings = findings;
        Time = time;
        Services = services;
    }

    public LoadedGate Gate { get; }

    public GateConfig Config => Gate.Config;

    public string GateDirectory => Path.GetDirectoryName(Gate.Path)!;

    public string RepositoryRoot { get; }

    public FindingCollector Findings { get; }

    public TimeProvider Time { get; }

    public IServiceProvider Services { get; }

    public Dictionary<string, ResolvedDataset> Datasets { get; } = new(StringComparer.Ordinal);

    /// <summary>Resolves a gate-file path against the gate's folder and rejects one that leaves the repository.</summary>
    public string ResolvePath(string relativePath, string key)
    {
        var full = RealPath(Path.GetFullPath(Path.Combine(GateDirectory, relativePath)));
        var root = Path.EndsInDirectorySeparator(RepositoryRoot) ? RepositoryRoot : RepositoryRoot + Path.DirectorySeparatorChar;
        if (!full.StartsWith(root, StringComparison.Ordinal) && full != RepositoryRoot)
        {
            throw new GateConfigurationException(Gate.ErrorAt(
                key,
                $"Path '{relativePath}' resolves to '{full}', outside the repository '{RepositoryRoot}'. Keep data inside the repository, or widen the root: --root on the command line, the AnnotationGateRoot property in MSBuild.")
                with { Code = RuleCatalog.PathOutsideRepository });
        }

        return full;
    }

    /// <summary>
    /// Follows every symbolic link along <paramref name="path"/>, so that a link inside the repository
    /// to a folder outside it cannot carry a dataset past the repository check.
    /// </summary>
    internal static string RealPath(string path)
    {
        var root = Path.GetPathRoot(path)!;
        var current = root;
        var parts = path[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            current = Path.Combine(current, parts[i]);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                current = RealPath(target.FullName);
            }
        }

        return current;
    }

    /// <summary>
    /// Streams a dataset, sets each record's id, and on the first read of the run reports read errors,
    /// missing ids and duplicate ids. Later reads of the same dataset stay silent about them.
    /// </summary>
    public IEnumerable<DataRecord> ReadDataset(string name, CancellationToken cancellationToken)
    {
        var (dataset, firstRead, onFinding, ids) = BeginRead(name);
        var count = 0L;
        foreach (var record in RecordReaders.For(dataset.Format).Read(dataset, onFinding, cancellationToken))
        {
            count++;
            record.Id = dataset.IdPath?.ResolveText(record.Root);
            if (firstRead)
            {
                TrackId(dataset, record.Id, record.File, record.Line, ids);
            }

            yield return record;
        }

        EndRead(dataset, firstRead, count);
    }

    /// <summary>
    /// Starts a read of a dataset. Only the run's first read of a dataset reports read errors and id
    /// problems, so the method returns whether this read is the first, with the finding sink and id table.
    /// </summary>
    public (ResolvedDataset Dataset, bool FirstRead, Action<Finding> OnFinding, Dictionary<ulong, int>? Ids) BeginRead(string name)
    {
        var dataset = Datasets[name];
        bool firstRead;
        lock (_lock)
        {
            firstRead = _datasetsRead.Add(name);
        }

        var onFinding = firstRead ? (Action<Finding>)(f => AddReadFinding(name, f)) : static _ => { };
        var ids = firstRead && dataset.IdPath is not null && dataset.Config.DuplicateIds == DuplicateIdPolicy.Error
            ? new Dictionary<ulong, int>()
            : null;
        return (dataset, firstRead, onFinding, ids);
    }

    /// <summary>
    /// Returns how many records the first read of a dataset skipped because they could not be parsed
    /// (AG0003) or decoded (AG0004).
    /// </summary>
    public long UnreadableRecords(string name) => _unreadableRecords.GetValueOrDefault(name);

    // Called from several threads when a JSONL dataset is parsed in parallel.
    private void AddReadFinding(string name, Finding finding)
    {
        if (finding.Line is not null && finding.Code is RuleCatalog.MalformedRecord or RuleCatalog.InvalidUtf8)
        {
            _unreadableRecords.AddOrUpdate(name, 1, (_, count) => count + 1);
        }

        Findings.Add(finding with { Dataset = name });
    }

    /// <summary>Reports an empty dataset at the end of its first read.</summary>
    public void EndRead(ResolvedDataset dataset, bool firstRead, long count)
    {
        var name = dataset.Name;
        if (firstRead && count == 0)
        {
            var unreadable = UnreadableRecords(name);
            var message = unreadable == 0
                ? $"Dataset '{name}' has no records in '{dataset.DisplayPath}'. Check the path and the format ({dataset.Format})."
                : $"Dataset '{name}' has no readable records in '{dataset.DisplayPath}': all {unreadable} were "
                    + "skipped because they could not be parsed or decoded (AG0003, AG0004). Fix those records.";
            Findings.Add(new Finding(RuleCatalog.EmptyDataset, Severity.Error, message)
            {
                File = dataset.DisplayPath,
                Dataset = name,
            });
        }
    }

    /// <summary>Reports a missing id, or an id seen before in this read; call it in file order.</summary>
    public void TrackId(ResolvedDataset dataset, string? id, string file, int line, Dictionary<ulong, int>? ids)
    {
        if (dataset.IdPath is null)
        {
            return;
        }

        if (string.IsNullOrEmpty(id))
        {
            Findings.Add(new Finding(RuleCatalog.MissingId, Severity.Error,
                $"Record has no value at id field '{dataset.IdPath}'. Add an id, or fix the id key of dataset '{dataset.Name}'.")
            {
                File = file, Line = line, Dataset = dataset.Name, JsonPointer = dataset.IdPath.ToJsonPointer(),
            });
            return;
        }

        // NOTE: ids are kept as 64-bit hashes (about 24 bytes each) so that a million-record file costs
        // about 24 MB; two different ids sharing a hash would be reported as duplicates (odds near 1e-8).
        var hash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(id));
        if (ids is not null && !ids.TryAdd(hash, line))
        {
            Findings.Add(new Finding(RuleCatalog.DuplicateId, Severity.Error,
                $"Id '{id}' repeats the record on line {ids[hash]}. Make ids unique, or set duplicate-ids: allow on dataset '{dataset.Name}' for long-form data.")
            {
                File = file, Line = line, RecordId = id, Dataset = dataset.Name,
            });
        }
    }
}
