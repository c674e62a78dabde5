using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Reporting;

/// <summary>
/// Renders a <see cref="GateResult"/> as SARIF 2.1.0 for code-scanning viewers: one run, a rule for
/// every code the findings use, one result per kept finding. Omitted counts and the verdict go to the
/// run's property bag.
/// </summary>
public static class SarifReport
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>Home page written as the driver's information URI.</summary>
    public const string InformationUri = "https://github.com/annotationgate/annotationgate";

    private static readonly Lazy<Dictionary<string, string>> RuleNames = new(FindRuleNames);

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Renders the SARIF log as indented JSON text.</summary>
    public static string Render(GateResult result)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            WriteLog(writer, result);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Maps a severity to a SARIF level: <c>error</c>, <c>warning</c>, <c>note</c>, <c>none</c>.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Notice => "note",
        _ => "none",
    };

    /// <summary>
    /// Turns a file path into a SARIF artifact URI: forward slashes, each segment percent-encoded,
    /// relative paths kept relative and absolute paths written as <c>file:</c> URIs.
    /// </summary>
    public static string ArtifactUri(string path)
    {
        if (Path.IsPathFullyQualified(path))
        {
            return new Uri(path).AbsoluteUri;
        }

        var segments = path.Replace('\\', '/').Split('/');
        return string.Join('/', segments.Select(Uri.EscapeDataString));
    }

    private static void WriteLog(Utf8JsonWriter writer, GateResult result)
    {
        writer.WriteStartObject();
        writer.WriteString("$schema", SchemaUri);
        writer.WriteString("version", "2.1.0");
        writer.WriteStartArray("runs");
        writer.WriteStartObject();
        WriteTool(writer, result);
        WriteInvocation(writer, result);
        writer.WriteStartArray("results");
        foreach (var finding in ReportText.WorstFirst(result.Findings))
        {
            WriteResult(writer, finding);
        }

        writer.WriteEndArray();
        WriteRunProperties(writer, result);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteTool(Utf8JsonWriter writer, GateResult result)
    {
        writer.WriteStartObject("tool");
        writer.WriteStartObject("driver");
        writer.WriteString("name", ToolInfo.Name);
        writer.WriteString("version", result.ToolVersion);
        writer.WriteString("semanticVersion", result.ToolVersion);
        writer.WriteString("informationUri", InformationUri);
        writer.WriteStartArray("rules");
        foreach (var code in UsedCodes(result))
        {
            WriteRule(writer, code);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static IEnumerable<string> UsedCodes(GateResult result) =>
        result.Findings.Select(f => f.Code)
            .Concat(result.Omitted.Select(o => o.Code))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

    private static void WriteRule(Utf8JsonWriter writer, string code)
    {
        var rule = RuleCatalog.Find(code);
        writer.WriteStartObject();
        writer.WriteString("id", code);
        writer.WriteString("name", RuleNames.Value.GetValueOrDefault(code, code));
        writer.WriteStartObject("shortDescription");
        writer.WriteString("text", rule is null ? $"Rule {code}." : rule.Title + ".");
        writer.WriteEndObject();
        writer.WriteString("helpUri", RuleCatalog.HelpUri(code));
        writer.WriteStartObject("defaultConfiguration");
        writer.WriteString("level", Level(rule?.DefaultSeverity ?? Severity.Error));
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteInvocation(Utf8JsonWriter writer, GateResult result)
    {
        writer.WriteStartArray("invocations");
        writer.WriteStartObject();
        writer.WriteBoolean("executionSuccessful", result.Verdict != Verdict.Error);
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static void WriteResult(Utf8JsonWriter writer, Finding finding)
    {
        writer.WriteStartObject();
        writer.WriteString("ruleId", finding.Code);
        writer.WriteString("level", Level(finding.Severity));
        writer.WriteStartObject("message");
        writer.WriteString("text", finding.Message);
        writer.WriteEndObject();
        if (!string.IsNullOrEmpty(finding.File))
        {
            WriteLocation(writer, finding);
        }

        WriteResultProperties(writer, finding);
        writer.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter writer, Finding finding)
    {
        writer.WriteStartArray("locations");
        writer.WriteStartObject();
        writer.WriteStartObject("physicalLocation");
        writer.WriteStartObject("artifactLocation");
        writer.WriteString("uri", ArtifactUri(finding.File!));
        writer.WriteEndObject();
        if (finding.Line is { } line && line > 0)
        {
            writer.WriteStartObject("region");
            writer.WriteNumber("startLine", line);
            if (finding.Column is { } column && column > 0)
            {
                writer.WriteNumber("startColumn", column);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static void WriteResultProperties(Utf8JsonWriter writer, Finding finding)
    {
        if (finding.JsonPointer is null && finding.RecordId is null && finding.Dataset is null && finding.Check is null)
        {
            return;
        }

        writer.WriteStartObject("properties");
        WriteOptional(writer, "jsonPointer", finding.JsonPointer);
        WriteOptional(writer, "recordId", finding.RecordId);
        WriteOptional(writer, "dataset", finding.Dataset);
        WriteOptional(writer, "check", finding.Check);
        writer.WriteEndObject();
    }

    private static void WriteRunProperties(Utf8JsonWriter writer, GateResult result)
    {
        writer.WriteStartObject("properties");
        writer.WriteString("gate", result.GateName);
        writer.WriteString("verdict", ReportText.VerdictWord(result.Verdict).ToLowerInvariant());
        writer.WriteStartArray("omittedFindings");
        foreach (var omitted in result.Omitted)
        {
            writer.WriteStartObject();
            writer.WriteString("ruleId", omitted.Code);
            writer.WriteString("level", Level(omitted.Severity));
            writer.WriteNumber("count", omitted.Count);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    // Rule names are the names of the RuleCatalog constants (AG1001 is SchemaViolation), so they stay stable.
    private static Dictionary<string, string> FindRuleNames() =>
        typeof(RuleCatalog)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (Name: f.Name, Code: (string)f.GetRawConstantValue()!))
            .Where(f => f.Code.StartsWith("AG", StringComparison.Ordinal))
            .GroupBy(f => f.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
}
