using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Engine;

/// <summary>
/// AG1042: a record check that evaluated no record verified nothing, so it must not read as passed.
/// Its records may all have been unreadable, all skipped, or the dataset may be empty.
/// </summary>
internal static class UnevaluatedCheck
{
    /// <summary>
    /// Reports AG1042 for <paramref name="result"/> when it evaluated no record, and returns it
    /// marked failed with <see cref="CheckResult.NoRecordsReason"/> when that finding fails the run.
    /// Returns the result unchanged otherwise.
    /// </summary>
    public static CheckResult Flag(
        GateSession session, CheckResult result, string dataset, Severity? checkSeverity, bool warningsAsErrors)
    {
        if (result.RecordsChecked > 0 || result.Status == CheckStatus.Error)
        {
            return result;
        }

        var message = Message(session, result, dataset);
        var finding = new Finding(RuleCatalog.CheckEvaluatedNoRecords, Severity.Error, message)
        {
            Check = result.Id,
            Dataset = dataset,
        };
        var severity = session.Findings.EffectiveSeverity(finding, checkSeverity);
        session.Findings.Add(finding, checkSeverity);
        var failing = warningsAsErrors ? Severity.Warning : Severity.Error;
        return severity >= failing && result.Status == CheckStatus.Passed
            ? result with { Status = CheckStatus.Failed, StatusReason = CheckResult.NoRecordsReason }
            : result;
    }

    private static string Message(GateSession session, CheckResult result, string dataset)
    {
        if (result.RecordsSkipped > 0)
        {
            return $"Check '{result.Id}' skipped all {result.RecordsSkipped} records it read from dataset "
                + $"'{dataset}', so it verified nothing. Give the records the fields the check reads, or remove "
                + "the check.";
        }

        var unreadable = session.UnreadableRecords(dataset);
        if (unreadable > 0)
        {
            return $"Check '{result.Id}' evaluated no records: none of the {unreadable} records of dataset "
                + $"'{dataset}' could be read (see the AG0003 and AG0004 findings), so it verified nothing. "
                + "Fix those records and run again.";
        }

        return $"Check '{result.Id}' evaluated no records because dataset '{dataset}' has none (see AG0010), "
            + "so it verified nothing. Check the dataset's path and contents.";
    }
}
