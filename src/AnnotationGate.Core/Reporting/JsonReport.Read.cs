using System.Globalization;
using System.Text.Json;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Reporting;

public static partial class JsonReport
{
    /// <summary>Reads a JSON report from text; see <see cref="Read(Stream)"/>.</summary>
    public static GateResult Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return ReadDocument(document);
        }
        catch (JsonException exception)
        {
            throw new ReportFormatException($"The JSON report is not valid JSON: {exception.Message}", exception);
        }
    }

    /// <summary>
    /// Reads a JSON report written by <see cref="Write"/> back into a <see cref="GateResult"/>. Throws
    /// <see cref="ReportFormatException"/> when the text is not JSON, lacks a required property, or
    /// has a format version newer than this tool reads.
    /// </summary>
    public static GateResult Read(Stream stream)
    {
        try
        {
            using var document = JsonDocument.Parse(stream);
            return ReadDocument(document);
        }
        catch (JsonException exception)
        {
            throw new ReportFormatException($"The JSON report is not valid JSON: {exception.Message}", exception);
        }
    }

    private static GateResult ReadDocument(JsonDocument document)
    {
        try
        {
            return ReadResult(document.RootElement);
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException)
        {
            throw new ReportFormatException(
                $"The JSON report has a value of the wrong kind: {exception.Message} "
                + "Check it against docs/report.schema.json.",
                exception);
        }
    }

    private static GateResult ReadResult(JsonElement root)
    {
        CheckFormatVersion(root);
        var gate = Required(root, "gate");
        return new GateResult
        {
            GateName = RequiredString(gate, "name"),
            GateFile = RequiredString(gate, "file"),
            Verdict = ParseVerdict(RequiredString(root, "verdict")),
            ToolVersion = ReadToolVersion(root),
            StartedAt = root.TryGetProperty("startedAt", out var started) ? started.GetDateTimeOffset() : default,
            Duration = ReadDuration(root),
            WarningsAsErrors = OptionalBoolean(root, "warningsAsErrors") ?? false,
            Findings = ReadArray(root, "findings", ReadFinding),
            Omitted = ReadArray(root, "omitted", ReadOmitted),
            Checks = ReadArray(root, "checks", ReadCheck),
            Tables = ReadArray(root, "tables", ReadTable),
        };
    }

    private static void CheckFormatVersion(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ReportFormatException("The JSON report is invalid: its top-level value must be an object.");
        }

        var version = Required(root, "formatVersion");
        if (!version.TryGetInt32(out var number) || number < 1)
        {
            throw new ReportFormatException(
                $"The JSON report has an invalid formatVersion '{version.GetRawText()}'; expected 1.");
        }

        if (number > GateResult.FormatVersion)
        {
            throw new ReportFormatException(
                $"The JSON report has format version {number}, but this AnnotationGate reads version "
                + $"{GateResult.FormatVersion} only. Update AnnotationGate to read it.");
        }
    }

    private static string ReadToolVersion(JsonElement root) =>
        root.TryGetProperty("tool", out var tool) ? OptionalString(tool, "version") ?? "0.0.0" : "0.0.0";

    private static TimeSpan ReadDuration(JsonElement root) =>
        root.TryGetProperty("durationMs", out var duration)
            ? TimeSpan.FromTicks((long)Math.Round(duration.GetDouble() * TimeSpan.TicksPerMillisecond))
            : TimeSpan.Zero;

    private static Finding ReadFinding(JsonElement element) =>
        new(
            RequiredString(element, "code"),
            ParseSeverity(RequiredString(element, "severity")),
            RequiredString(element, "message"))
        {
            File = OptionalString(element, "file"),
            Line = OptionalInt32(element, "line"),
            Column = OptionalInt32(element, "column"),
            JsonPointer = OptionalString(element, "jsonPointer"),
            RecordId = OptionalString(element, "recordId"),
            Dataset = OptionalString(element, "dataset"),
            Check = OptionalString(element, "check"),
        };

    private static OmittedFindings ReadOmitted(JsonElement element) =>
        new(
            RequiredString(element, "code"),
            ParseSeverity(RequiredString(element, "severity")),
            Required(element, "count").GetInt64());

    private static CheckResult ReadCheck(JsonElement element) =>
        new(RequiredString(element, "id"), RequiredString(element, "type"))
        {
            Dataset = OptionalString(element, "dataset"),
            Status = ParseStatus(RequiredString(element, "status")),
            StatusReason = OptionalString(element, "statusReason"),
            RecordsChecked = OptionalInt64(element, "recordsChecked") ?? 0,
            RecordsFailed = OptionalInt64(element, "recordsFailed") ?? 0,
            RecordsSkipped = OptionalInt64(element, "recordsSkipped") ?? 0,
            Summary = OptionalString(element, "summary"),
            Metrics = ReadArray(element, "metrics", ReadMetric),
            Tables = ReadArray(element, "tables", ReadTable),
            ItemOutcomes = ReadArray(element, "itemOutcomes", ReadItemOutcome),
        };

    private static Metric ReadMetric(JsonElement element) =>
        new(RequiredString(element, "name"), OptionalDouble(element, "value") ?? double.NaN)
        {
            Check = OptionalString(element, "check"),
            Lower = OptionalDouble(element, "lower"),
            Upper = OptionalDouble(element, "upper"),
            Count = OptionalInt64(element, "count"),
            Threshold = OptionalDouble(element, "threshold"),
            ThresholdIsMaximum = OptionalBoolean(element, "thresholdIsMaximum") ?? false,
            Passed = OptionalBoolean(element, "passed"),
            Defined = OptionalBoolean(element, "defined") ?? true,
            Note = OptionalString(element, "note"),
        };

    private static ResultTable ReadTable(JsonElement element)
    {
        var columns = Required(element, "columns").EnumerateArray().Select(c => c.GetString() ?? string.Empty).ToList();
        var rows = Required(element, "rows").EnumerateArray()
            .Select(row => (IReadOnlyList<string>)[.. row.EnumerateArray().Select(c => c.GetString() ?? string.Empty)])
            .ToList();
        return new ResultTable(RequiredString(element, "title"), columns, rows)
        {
            Note = OptionalString(element, "note"),
        };
    }

    private static ItemOutcome ReadItemOutcome(JsonElement element)
    {
        Dictionary<string, string>? slices = null;
        if (element.TryGetProperty("slices", out var slicesElement))
        {
            slices = slicesElement.EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
        }

        return new ItemOutcome(
            RequiredString(element, "id"),
            RequiredString(element, "expected"),
            OptionalString(element, "predicted"),
            slices);
    }

    private static List<T> ReadArray<T>(JsonElement parent, string name, Func<JsonElement, T> read) =>
        parent.TryGetProperty(name, out var array) ? [.. array.EnumerateArray().Select(read)] : [];

    private static JsonElement Required(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new ReportFormatException($"The JSON report is missing the required property '{name}'.");

    private static string RequiredString(JsonElement parent, string name) =>
        Required(parent, name).GetString() ?? string.Empty;

    private static string? OptionalString(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static double? OptionalDouble(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : null;

    private static long? OptionalInt64(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;

    private static int? OptionalInt32(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    private static bool? OptionalBoolean(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;

    private static Verdict ParseVerdict(string text) => text switch
    {
        "pass" => Verdict.Pass,
        "fail" => Verdict.Fail,
        "error" => Verdict.Error,
        _ => throw Unknown("verdict", text, "pass, fail or error"),
    };

    private static Severity ParseSeverity(string text) => text switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        "notice" => Severity.Notice,
        _ => throw Unknown("severity", text, "error, warning or notice"),
    };

    private static CheckStatus ParseStatus(string text) => text switch
    {
        "passed" => CheckStatus.Passed,
        "failed" => CheckStatus.Failed,
        "error" => CheckStatus.Error,
        _ => throw Unknown("status", text, "passed, failed or error"),
    };

    private static ReportFormatException Unknown(string name, string text, string expected) =>
        new(string.Create(
            CultureInfo.InvariantCulture,
            $"The JSON report has an unknown {name} '{text}'; expected {expected}."));
}
