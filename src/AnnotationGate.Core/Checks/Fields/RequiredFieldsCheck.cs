using System.Globalization;
using System.Text.Json;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Checks.Fields;

/// <summary>
/// Requires each listed field to exist in every record and, unless <c>allow-empty</c> is set, to hold a value
/// other than null, an empty or blank string, <c>[]</c> or <c>{}</c>. Reports one finding per missing field, and
/// a field path that no record has. <see cref="Evaluate"/> is thread-safe.
/// </summary>
public sealed class RequiredFieldsCheck : IRecordCheck
{
    private readonly FieldUsage[] _fields;
    private readonly bool _allowEmpty;
    private long _records;
    private long _failed;

    private RequiredFieldsCheck(string id, string dataset, FieldUsage[] fields, bool allowEmpty)
    {
        Id = id;
        Dataset = dataset;
        _fields = fields;
        _allowEmpty = allowEmpty;
    }

    public string Id { get; }

    public string Dataset { get; }

    /// <summary>
    /// Validates the configuration and creates the check. Returns null when the configuration is invalid,
    /// after reporting each error to <paramref name="setup"/>.
    /// </summary>
    public static RequiredFieldsCheck? Create(RequiredFieldsCheckConfig config, CheckSetup setup)
    {
        if (config.Fields.Count == 0)
        {
            setup.Fail("fields", "List at least one field path under fields, such as 'output'.");
            return null;
        }

        var paths = new List<FieldPath>();
        for (var i = 0; i < config.Fields.Count; i++)
        {
            if (setup.FieldPath($"fields/{i}", config.Fields[i]) is { } path)
            {
                paths.Add(path);
            }
        }

        if (paths.Count < config.Fields.Count)
        {
            return null;
        }

        var unique = paths.DistinctBy(p => p.Text, StringComparer.Ordinal).Select(p => new FieldUsage(p));
        return new RequiredFieldsCheck(setup.CheckId, config.Dataset, [.. unique], config.AllowEmpty);
    }

    /// <inheritdoc />
    public CheckOutcome Evaluate(DataRecord record, CheckContext context)
    {
        Interlocked.Increment(ref _records);
        var failed = false;
        foreach (var field in _fields)
        {
            var problem = Inspect(field, record);
            if (problem is not null)
            {
                context.Report(RuleCatalog.RequiredFieldMissing, problem, record, Dataset, field.Path.ToJsonPointer());
                failed = true;
            }
        }

        if (!failed)
        {
            return CheckOutcome.Passed;
        }

        Interlocked.Increment(ref _failed);
        return CheckOutcome.Failed;
    }

    /// <inheritdoc />
    public CheckResult Complete(CheckContext context)
    {
        var records = Interlocked.Read(ref _records);
        var failed = Interlocked.Read(ref _failed);
        foreach (var field in _fields)
        {
            field.ReportIfNeverFound(context, Dataset, records);
        }

        var names = string.Join(", ", _fields.Select(f => $"'{f.Path}'"));
        var count = records.ToString("N0", CultureInfo.InvariantCulture);
        var failedText = failed.ToString("N0", CultureInfo.InvariantCulture);
        return new CheckResult(Id, CheckTypes.RequiredFields)
        {
            Dataset = Dataset,
            Status = failed > 0 ? CheckStatus.Failed : CheckStatus.Passed,
            RecordsChecked = records,
            RecordsFailed = failed,
            Summary = $"Required {names} on {count} records: {failedText} failed.",
        };
    }

    private string? Inspect(FieldUsage field, DataRecord record)
    {
        if (!field.TryResolve(record, out var value))
        {
            return $"Required field '{field.Path}' is missing. Add it to the record, or fix the field path.";
        }

        if (_allowEmpty || DescribeEmpty(value) is not { } empty)
        {
            return null;
        }

        return $"Required field '{field.Path}' is empty ({empty}). Fill it in, or set allow-empty: true.";
    }

    /// <summary>
    /// Describes an empty value (null, blank string, [] or {}), or returns null for a value with content.
    /// </summary>
    private static string? DescribeEmpty(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.String when value.GetString()!.Length == 0 => "an empty string",
        JsonValueKind.String when string.IsNullOrWhiteSpace(value.GetString()) => "only whitespace",
        JsonValueKind.Array when value.GetArrayLength() == 0 => "[]",
        JsonValueKind.Object when !value.EnumerateObject().Any() => "{}",
        _ => null,
    };
}
