using System.Globalization;
using System.Text.Json;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Json;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Checks.Schema;

/// <summary>
/// The <c>json-schema</c> check: takes the JSON out of a field (or the whole record), validates it
/// against <c>schema</c> and fails it when it matches <c>forbidden-schema</c>. Evaluate is thread-safe.
/// </summary>
public sealed class JsonSchemaCheck : IRecordCheck
{
    /// <summary>Maximum schema errors reported in detail per record; the last one counts the rest.</summary>
    public const int MaxErrorsPerRecord = 5;

    private readonly JsonSchemaCheckConfig _config;
    private readonly FieldPath? _field;
    private readonly string _fieldPointer;
    private readonly CompiledSchema? _schema;
    private readonly CompiledSchema? _forbidden;
    private long _checked;
    private long _failed;
    private int _fieldFound;

    /// <summary>True: counters are updated with <see cref="Interlocked"/> and compiled schemas are shared read-only.</summary>
    public bool IsThreadSafe => true;

    private JsonSchemaCheck(
        string id,
        JsonSchemaCheckConfig config,
        FieldPath? field,
        CompiledSchema? schema,
        CompiledSchema? forbidden)
    {
        Id = id;
        _config = config;
        _field = field;
        _fieldPointer = field?.ToJsonPointer() ?? "";
        _schema = schema;
        _forbidden = forbidden;
    }

    public string Id { get; }

    public string Dataset => _config.Dataset;

    /// <summary>
    /// Creates the check, or records configuration errors in <paramref name="setup"/> and returns null.
    /// </summary>
    public static JsonSchemaCheck? Create(JsonSchemaCheckConfig config, CheckSetup setup)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(setup);
        if (config.Schema is null && config.ForbiddenSchema is null)
        {
            setup.Fail("schema",
                "A json-schema check needs schema, forbidden-schema or both. Add the path of a JSON Schema file.");
            return null;
        }

        var field = config.Field is null ? null : setup.FieldPath("field", config.Field);
        var schema = Load(setup, "schema", config.Schema);
        var forbidden = Load(setup, "forbidden-schema", config.ForbiddenSchema);
        var failed = (config.Field is not null && field is null)
            || (config.Schema is not null && schema is null)
            || (config.ForbiddenSchema is not null && forbidden is null);
        return failed ? null : new JsonSchemaCheck(setup.CheckId, config, field, schema, forbidden);
    }

    public CheckOutcome Evaluate(DataRecord record, CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(context);
        Interlocked.Increment(ref _checked);
        var passed = TryGetInstance(record, context, out var instance, out var pointerPrefix)
            && MatchesSchema(instance, pointerPrefix, record, context)
            && AvoidsForbiddenSchema(instance, record, context);
        if (passed)
        {
            return CheckOutcome.Passed;
        }

        Interlocked.Increment(ref _failed);
        return CheckOutcome.Failed;
    }

    public CheckResult Complete(CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var checkedCount = Interlocked.Read(ref _checked);
        var failed = Interlocked.Read(ref _failed);
        var fieldMissingEverywhere = _field is not null && checkedCount > 0 && Volatile.Read(ref _fieldFound) == 0;
        if (fieldMissingEverywhere)
        {
            context.Report(RuleCatalog.FieldNeverFound,
                $"Field '{_field}' was not found in any of the {checkedCount.ToString(CultureInfo.InvariantCulture)} "
                + $"records of dataset '{Dataset}', "
                + "so no output was validated. Check the field path for a typo.",
                dataset: Dataset);
        }

        var passRate = checkedCount == 0 ? 0 : (double)(checkedCount - failed) / checkedCount;
        return new CheckResult(Id, CheckTypes.JsonSchema)
        {
            Dataset = Dataset,
            Status = failed > 0 || fieldMissingEverywhere ? CheckStatus.Failed : CheckStatus.Passed,
            RecordsChecked = checkedCount,
            RecordsFailed = failed,
            Summary = Summary(checkedCount, failed),
            Metrics =
            [
                new Metric("schema-pass-rate", passRate)
                {
                    Check = Id,
                    Count = checkedCount,
                    Defined = checkedCount > 0,
                },
            ],
        };
    }

    private static CompiledSchema? Load(CheckSetup setup, string key, string? path)
    {
        var full = setup.ExistingFile(key, path);
        if (full is null)
        {
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (IOException ex)
        {
            setup.Fail(key, RuleCatalog.InvalidSchemaFile, $"Schema '{path}' could not be read: {ex.Message}");
            return null;
        }

        var result = SchemaCompiler.Compile(text, path!);
        foreach (var problem in result.Problems)
        {
            setup.Fail(key, RuleCatalog.InvalidSchemaFile, problem.Message);
        }

        return result.Schema;
    }

    /// <summary>Finds the JSON to validate; reports a finding and returns false when there is none.</summary>
    private bool TryGetInstance(
        DataRecord record,
        CheckContext context,
        out JsonElement instance,
        out string pointerPrefix)
    {
        pointerPrefix = "";
        instance = record.Root;
        if (_field is null)
        {
            return true;
        }

        if (!_field.TryResolve(record.Root, out var value))
        {
            context.Report(RuleCatalog.ValueNotText,
                $"The record has no field '{_field}', so its output cannot be validated. "
                + "Add the field, or fix the field path.",
                record, Dataset, _fieldPointer);
            return false;
        }

        Interlocked.Exchange(ref _fieldFound, 1);
        switch (value.ValueKind)
        {
            case JsonValueKind.Object or JsonValueKind.Array:
                instance = value;
                pointerPrefix = _fieldPointer;
                return true;
            case JsonValueKind.String:
                return TryExtract(value.GetString()!, record, context, out instance);
            default:
                context.Report(RuleCatalog.ValueNotText,
                    $"Field '{_field}' holds {Describe(value)}, not JSON text or a JSON object or array. "
                    + "Store the output as text or JSON.",
                    record, Dataset, _fieldPointer);
                return false;
        }
    }

    private bool TryExtract(string text, DataRecord record, CheckContext context, out JsonElement instance)
    {
        var extraction = JsonExtractor.Extract(text, _config.Json);
        instance = extraction.Value;
        if (extraction.Succeeded)
        {
            return true;
        }

        context.Report(extraction.Code!, $"Field '{_field}': {extraction.Message}", record, Dataset, _fieldPointer);
        return false;
    }

    private bool MatchesSchema(JsonElement instance, string pointerPrefix, DataRecord record, CheckContext context)
    {
        if (_schema is null)
        {
            return true;
        }

        var (valid, errors, total) = _schema.Validate(instance, MaxErrorsPerRecord);
        if (valid)
        {
            return true;
        }

        for (var i = 0; i < errors.Count; i++)
        {
            var more = i == errors.Count - 1 && total > errors.Count
                ? $" This record has {(total - errors.Count).ToString(CultureInfo.InvariantCulture)} more errors."
                : "";
            context.Report(RuleCatalog.SchemaViolation, Describe(errors[i], instance) + more, record, Dataset,
                pointerPrefix + errors[i].InstancePointer);
        }

        return false;
    }

    private bool AvoidsForbiddenSchema(JsonElement instance, DataRecord record, CheckContext context)
    {
        if (_forbidden is null || !_forbidden.IsValid(instance))
        {
            return true;
        }

        context.Report(RuleCatalog.ForbiddenSchemaMatched,
            $"The output matches forbidden schema '{_forbidden.DisplayName}', "
            + "so it contains what that schema describes: "
            + $"'{JsonExtractor.Quote(instance.GetRawText())}'. Change the output so that it no longer matches.",
            record, Dataset, _fieldPointer);
        return false;
    }

    private string Describe(SchemaError error, JsonElement instance)
    {
        var where = error.InstancePointer.Length == 0 ? "The output" : $"Value at {error.InstancePointer}";
        var value = JsonPointerValue.TryResolve(instance, error.InstancePointer, out var found)
            ? $" ({JsonExtractor.Quote(found.GetRawText())})"
            : "";
        var source = _field is null ? "" : $" in field '{_field}'";
        var keyword = error.Keyword.Length == 0 ? "" : $" '{error.Keyword}' at {error.SchemaPointer}";
        return $"{where}{value}{source} fails schema '{_schema!.DisplayName}'{keyword}: {error.Message.TrimEnd('.')}.";
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        _ => $"the number {value.GetRawText()}",
    };

    private static string Summary(long checkedCount, long failed) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{checkedCount - failed} of {checkedCount} outputs passed the schema check.");
}
