using System.Security.Cryptography;
using System.Text;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Regression;

/// <summary>
/// An accepted gate result, stored as JSON so that later runs can be compared with it item by
/// item: the tool version, the gate file's SHA-256, each check's metrics and, for golden-set
/// checks, every item's outcome.
/// </summary>
public sealed record BaselineFile
{
    /// <summary>Format version this tool writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>Version of AnnotationGate that wrote the file.</summary>
    public required string ToolVersion { get; init; }

    public required string GateName { get; init; }

    /// <summary>SHA-256 of the gate file's bytes, lower-case hexadecimal.</summary>
    public required string GateFileSha256 { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public IReadOnlyList<BaselineCheck> Checks { get; init; } = [];

    /// <summary>Finds the entry of a check by id (ordinal comparison).</summary>
    public BaselineCheck? FindCheck(string id) =>
        Checks.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));

    /// <summary>
    /// Builds a baseline from a gate result. Throws <see cref="BaselineException"/>, with the
    /// reason in its message, for a result whose verdict is not pass or whose golden-set check has
    /// no item outcomes.
    /// </summary>
    public static BaselineFile FromResult(GateResult result, string gateFileSha256, TimeProvider timeProvider)
    {
        EnsureAcceptable(result);
        return new BaselineFile
        {
            ToolVersion = ToolInfo.Version,
            GateName = result.GateName,
            GateFileSha256 = gateFileSha256,
            CreatedAt = timeProvider.GetUtcNow(),
            Checks = [.. result.Checks.Select(BaselineCheck.FromResult)],
        };
    }

    /// <summary>Computes the SHA-256 of a file's bytes as lower-case hexadecimal.</summary>
    public static string ComputeSha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static void EnsureAcceptable(GateResult result)
    {
        if (result.Verdict != Verdict.Pass)
        {
            throw new BaselineException(
                $"The gate '{result.GateName}' did not pass (verdict '{result.Verdict}'), so no baseline was written. "
                + "A baseline records an accepted result: fix the failures, then record it again.");
        }

        foreach (var check in result.Checks.Where(IsGolden))
        {
            if (check.Status == CheckStatus.Error || check.ItemOutcomes.Count == 0)
            {
                throw new BaselineException(
                    $"The golden-set check '{check.Id}' has no item outcomes, so no baseline was written. "
                    + "Later runs compare item by item: make sure the check ran on its golden set, "
                    + "then record it again.");
            }
        }
    }

    internal static bool IsGolden(CheckResult check) =>
        string.Equals(check.Type, CheckTypes.Golden, StringComparison.Ordinal) || check.ItemOutcomes.Count > 0;
}

/// <summary>A check's part of a baseline: its metrics and, for golden-set checks, its item outcomes.</summary>
public sealed record BaselineCheck
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public string? Dataset { get; init; }

    public IReadOnlyList<BaselineMetric> Metrics { get; init; } = [];

    /// <summary>
    /// Hash of the golden items (see <see cref="GoldenFingerprint"/>); null for checks without
    /// item outcomes.
    /// </summary>
    public string? GoldenFingerprint { get; init; }

    /// <summary>Item outcomes ordered by id; empty for checks that are not golden-set evaluations.</summary>
    public IReadOnlyList<ItemOutcome> Items { get; init; } = [];

    internal static BaselineCheck FromResult(CheckResult check)
    {
        var items = check.ItemOutcomes.OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
        return new BaselineCheck
        {
            Id = check.Id,
            Type = check.Type,
            Dataset = check.Dataset,
            Metrics = [.. check.Metrics.Select(m => new BaselineMetric(m.Name, m.Value, m.Count, m.Defined))],
            GoldenFingerprint = items.Count == 0 ? null : Regression.GoldenFingerprint.Compute(items),
            Items = items,
        };
    }
}

/// <summary>A metric as recorded in a baseline.</summary>
/// <param name="Name">Metric name, such as <c>accuracy</c> or <c>macro-f1</c>.</param>
/// <param name="Value">Its value.</param>
/// <param name="Count">Number of items behind it, when known.</param>
/// <param name="Defined">False when the statistic was undefined on the data.</param>
public sealed record BaselineMetric(string Name, double Value, long? Count = null, bool Defined = true);

/// <summary>
/// Identity of a golden set: SHA-256 over its (id, expected label) pairs sorted by id, so that a
/// baseline recorded on other items or other labels is detected before any comparison.
/// </summary>
public static class GoldenFingerprint
{
    /// <summary>Computes the fingerprint as lower-case hexadecimal.</summary>
    public static string Compute(IEnumerable<ItemOutcome> items)
    {
        var text = new StringBuilder();
        foreach (var item in items.OrderBy(i => i.Id, StringComparer.Ordinal))
        {
            // Unit and record separators cannot appear in ordinary ids and labels.
            text.Append(item.Id).Append('\u001f').Append(item.Expected).Append('\u001e');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
