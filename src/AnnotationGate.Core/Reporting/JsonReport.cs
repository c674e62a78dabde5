using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Reporting;

/// <summary>
/// Writes and reads the JSON report (format version 1, described by <c>docs/report.schema.json</c>).
/// Property names are camelCase in a fixed order; properties without a value are left out. Numbers
/// are written with full precision so that a report read back gives the same result.
/// </summary>
public static partial class JsonReport
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Renders the report as indented UTF-8 JSON text.</summary>
    public static string Render(GateResult result)
    {
        using var stream = new MemoryStream();
        Write(result, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the report as indented UTF-8 JSON, without a byte-order mark, to a stream.</summary>
    public static void Write(GateResult result, Stream stream)
    {
        using var writer = new Utf8JsonWriter(stream, WriterOptions);
        WriteResult(writer, result);
        writer.Flush();
    }

    private static void WriteResult(Utf8JsonWriter writer, GateResult result)
    {
        writer.WriteStartObject();
        writer.WriteNumber("formatVersion", GateResult.FormatVersion);
        writer.WriteStartObject("tool");
        writer.WriteString("name", ToolInfo.Name);
        writer.WriteString("version", result.ToolVersion);
        writer.WriteEndObject();
        writer.WriteStartObject("gate");
        writer.WriteString("name", result.GateName);
        writer.WriteString("file", result.GateFile);
        writer.WriteEndObject();
        writer.WriteString("verdict", VerdictName(result.Verdict));
        writer.WriteString("startedAt", result.StartedAt);
        writer.WriteNumber("durationMs", result.Duration.TotalMilliseconds);
        writer.WriteBoolean("warningsAsErrors", result.WarningsAsErrors);
        WriteCounts(writer, result);
        WriteArray(writer, "findings", result.Findings, WriteFinding);
        WriteArray(writer, "omitted", result.Omitted, WriteOmitted);
        WriteArray(writer, "checks", result.Checks, WriteCheck);
        WriteArray(writer, "tables", result.Tables, WriteTable);
        if (result.Regression is { } regression)
        {
            // Same property names as the baseline file format (docs/baseline-format.md).
            writer.WritePropertyName("regression");
            JsonSerializer.Serialize(writer, regression, Regression.BaselineStore.JsonOptions);
        }

        writer.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter writer, GateResult result)
    {
        writer.WriteStartObject("counts");
        writer.WriteNumber("error", result.Count(Severity.Error));
        writer.WriteNumber("warning", result.Count(Severity.Warning));
        writer.WriteNumber("notice", result.Count(Severity.Notice));
        writer.WriteNumber("omitted", ReportText.OmittedCount(result));
        writer.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter writer, Finding finding)
    {
        writer.WriteStartObject();
        writer.WriteString("code", finding.Code);
        writer.WriteString("severity", ReportText.SeverityWord(finding.Severity));
        writer.WriteString("message", finding.Message);
        WriteOptional(writer, "file", finding.File);
        WriteOptional(writer, "line", finding.Line);
        WriteOptional(writer, "column", finding.Column);
        WriteOptional(writer, "jsonPointer", finding.JsonPointer);
        WriteOptional(writer, "recordId", finding.RecordId);
        WriteOptional(writer, "dataset", finding.Dataset);
        WriteOptional(writer, "check", finding.Check);
        writer.WriteString("helpUri", finding.HelpUri);
        writer.WriteEndObject();
    }

    private static void WriteOmitted(Utf8JsonWriter writer, OmittedFindings omitted)
    {
        writer.WriteStartObject();
        writer.WriteString("code", omitted.Code);
        writer.WriteString("severity", ReportText.SeverityWord(omitted.Severity));
        writer.WriteNumber("count", omitted.Count);
        writer.WriteEndObject();
    }

    private static void WriteCheck(Utf8JsonWriter writer, CheckResult check)
    {
        writer.WriteStartObject();
        writer.WriteString("id", check.Id);
        writer.WriteString("type", check.Type);
        WriteOptional(writer, "dataset", check.Dataset);
        writer.WriteString("status", ReportText.StatusWord(check.Status));
        WriteOptional(writer, "statusReason", check.StatusReason);
        writer.WriteNumber("recordsChecked", check.RecordsChecked);
        writer.WriteNumber("recordsFailed", check.RecordsFailed);
        writer.WriteNumber("recordsSkipped", check.RecordsSkipped);
        WriteOptional(writer, "summary", check.Summary);
        WriteArray(writer, "metrics", check.Metrics, WriteMetric);
        WriteArray(writer, "tables", check.Tables, WriteTable);
        WriteArray(writer, "itemOutcomes", check.ItemOutcomes, WriteItemOutcome);
        writer.WriteEndObject();
    }

    private static void WriteMetric(Utf8JsonWriter writer, Metric metric)
    {
        writer.WriteStartObject();
        writer.WriteString("name", metric.Name);
        WriteOptional(writer, "check", metric.Check);
        WriteOptional(writer, "value", double.IsFinite(metric.Value) ? metric.Value : null);
        WriteOptional(writer, "lower", metric.Lower);
        WriteOptional(writer, "upper", metric.Upper);
        WriteOptional(writer, "count", metric.Count);
        WriteOptional(writer, "threshold", metric.Threshold);
        if (metric.Threshold is not null)
        {
            writer.WriteBoolean("thresholdIsMaximum", metric.ThresholdIsMaximum);
        }

        if (metric.Passed is { } passed)
        {
            writer.WriteBoolean("passed", passed);
        }

        writer.WriteBoolean("defined", metric.Defined);
        WriteOptional(writer, "note", metric.Note);
        writer.WriteEndObject();
    }

    private static void WriteTable(Utf8JsonWriter writer, ResultTable table)
    {
        writer.WriteStartObject();
        writer.WriteString("title", table.Title);
        writer.WriteStartArray("columns");
        foreach (var column in table.Columns)
        {
            writer.WriteStringValue(column);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("rows");
        foreach (var row in table.Rows)
        {
            writer.WriteStartArray();
            foreach (var cell in row)
            {
                writer.WriteStringValue(cell);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        WriteOptional(writer, "note", table.Note);
        writer.WriteEndObject();
    }

    private static void WriteItemOutcome(Utf8JsonWriter writer, ItemOutcome outcome)
    {
        writer.WriteStartObject();
        writer.WriteString("id", outcome.Id);
        writer.WriteString("expected", outcome.Expected);
        WriteOptional(writer, "predicted", outcome.Predicted);
        writer.WriteBoolean("correct", outcome.Correct);
        if (outcome.Slices is { Count: > 0 } slices)
        {
            writer.WriteStartObject("slices");
            foreach (var (field, value) in slices.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                writer.WriteString(field, value);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteArray<T>(
        Utf8JsonWriter writer,
        string name,
        IEnumerable<T> items,
        Action<Utf8JsonWriter, T> write)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            write(writer, item);
        }

        writer.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number && double.IsFinite(number))
        {
            writer.WriteNumber(name, number);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    private static string VerdictName(Verdict verdict) => ReportText.VerdictWord(verdict).ToLowerInvariant();
}
