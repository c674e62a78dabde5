using AnnotationGate.Core.Checks;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Engine;

/// <summary>
/// One streaming pass over a dataset that sends every record through the record checks reading it.
/// A JSONL dataset whose checks are all thread-safe is parsed and checked in parallel, batch by batch.
/// Ids are still tracked in file order, so findings do not depend on thread timing.
/// </summary>
internal sealed class RecordPass
{
    private const int BatchSize = 4096;

    private readonly GateSession _session;
    private readonly ResolvedDataset _dataset;
    private readonly (IRecordCheck Check, CheckContext Context)[] _checks;
    private readonly IProgress<GateProgress>? _progress;

    public RecordPass(GateSession session, ResolvedDataset dataset, (IRecordCheck Check, CheckContext Context)[] checks, IProgress<GateProgress>? progress)
    {
        _session = session;
        _dataset = dataset;
        _checks = checks;
        _progress = progress;
    }

    /// <summary>True when records can be checked on several threads.</summary>
    public bool IsParallel => _dataset.Format == DataFormat.Jsonl && _checks.All(c => c.Check.IsThreadSafe) && Environment.ProcessorCount > 1;

    /// <summary>Runs the pass and returns each check's summary.</summary>
    public IEnumerable<CheckResult> Run(CancellationToken cancellationToken)
    {
        var count = IsParallel ? RunParallel(cancellationToken) : RunSerial(cancellationToken);
        var length = new FileInfo(_dataset.FullPath).Length;
        _progress?.Report(new GateProgress(_dataset.Name, count, length, length));
        return _checks.Select(c => c.Check.Complete(c.Context)).ToList();
    }

    private long RunSerial(CancellationToken cancellationToken)
    {
        var count = 0L;
        foreach (var record in _session.ReadDataset(_dataset.Name, cancellationToken))
        {
            Evaluate(record);
            if (++count % 10_000 == 0)
            {
                _progress?.Report(new GateProgress(_dataset.Name, count, 0, 0));
            }
        }

        return count;
    }

    private long RunParallel(CancellationToken cancellationToken)
    {
        var (dataset, firstRead, onFinding, ids) = _session.BeginRead(_dataset.Name);
        var recordIds = new string?[BatchSize];
        var parsed = new bool[BatchSize];
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        var count = 0L;
        foreach (var batch in JsonLinesReader.ReadBatches(dataset, onFinding, BatchSize, cancellationToken))
        {
            var first = count;
            Parallel.For(0, batch.Count, options, i =>
            {
                using var document = JsonLinesReader.Parse(batch.Line(i), tooLong: false, batch.LineNumber(i), dataset.DisplayPath, onFinding);
                parsed[i] = document is not null;
                if (document is null)
                {
                    return;
                }

                var record = new DataRecord(dataset.DisplayPath, batch.LineNumber(i), first + i, document.RootElement);
                record.Id = dataset.IdPath?.ResolveText(record.Root);
                recordIds[i] = record.Id;
                Evaluate(record);
            });

            for (var i = 0; i < batch.Count; i++)
            {
                if (parsed[i])
                {
                    count++;
                    if (firstRead)
                    {
                        _session.TrackId(dataset, recordIds[i], dataset.DisplayPath, batch.LineNumber(i), ids);
                    }
                }
            }

            _progress?.Report(new GateProgress(_dataset.Name, count, 0, 0));
        }

        _session.EndRead(dataset, firstRead, count);
        return count;
    }

    private void Evaluate(DataRecord record)
    {
        var anyRan = false;
        foreach (var (check, context) in _checks)
        {
            try
            {
                anyRan |= check.Evaluate(record, context) != CheckOutcome.Skipped;
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or System.Text.Json.JsonException)
            {
                // A value the check cannot read (such as a lone UTF-16 surrogate in a string) fails the
                // record with a finding instead of ending the run.
                anyRan = true;
                context.Report(RuleCatalog.MalformedRecord,
                    $"Check '{check.Id}' could not read this record: {ex.Message} Fix the record's value.",
                    record, _dataset.Name);
            }
        }

        if (!anyRan)
        {
            _checks[0].Context.Report(RuleCatalog.NoCheckExecuted,
                "No check ran on this record, so it is not counted as passing. Give the record the fields the checks read, or add a check that applies to it.",
                record, _dataset.Name);
        }
    }
}
