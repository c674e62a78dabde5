using System.Text.Json;
using System.Text.RegularExpressions;

namespace AnnotationGate.Core.Checks.Schema;

/// <summary>A part of a schema that the validator would not enforce, found before any record is read.</summary>
/// <param name="Pointer">JSON Pointer of the schema object that contains the keyword; empty for the root.</param>
/// <param name="Keyword">The keyword concerned.</param>
/// <param name="Message">Plain sentences naming the keyword, where it is and what to do.</param>
public sealed record SchemaProblem(string Pointer, string Keyword, string Message);

/// <summary>
/// Walks a schema document and lists what the validator would skip: unknown keywords (typos such as
/// <c>requried</c>, keywords of another draft), content keywords, <c>format</c> values outside
/// <see cref="SchemaFormats.Enforced"/>, keywords that draft-07 ignores beside <c>$ref</c>, nested
/// <c>$schema</c> values of another dialect and patterns that do not compile. Keywords starting with
/// <c>x-</c> are vendor extensions and are allowed.
/// </summary>
internal sealed class SchemaInspector
{
    private readonly string _displayName;
    private readonly SchemaDialect _dialect;
    private readonly bool _rejectUnreliableFormats;
    private readonly List<SchemaProblem> _problems = [];

    private SchemaInspector(string displayName, SchemaDialect dialect, bool rejectUnreliableFormats)
    {
        _displayName = displayName;
        _dialect = dialect;
        _rejectUnreliableFormats = rejectUnreliableFormats;
    }

    /// <summary>Returns the problems of the schema rooted at <paramref name="root"/>, in document order.</summary>
    public static IReadOnlyList<SchemaProblem> Inspect(
        JsonElement root,
        string displayName,
        SchemaDialect dialect,
        bool rejectUnreliableFormats)
    {
        var inspector = new SchemaInspector(displayName, dialect, rejectUnreliableFormats);
        inspector.VisitSchema(root, "", isRoot: true);
        return inspector._problems;
    }

    private void VisitSchema(JsonElement schema, string pointer, bool isRoot = false)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var keywords = SchemaKeywords.For(_dialect);
        var hasRef = _dialect == SchemaDialect.Draft07 && schema.TryGetProperty("$ref", out _);
        foreach (var property in schema.EnumerateObject())
        {
            var name = property.Name;
            if (name.StartsWith("x-", StringComparison.Ordinal))
            {
                continue;
            }

            if (!keywords.TryGetValue(name, out var kind))
            {
                ReportUnknown(name, pointer);
                continue;
            }

            if (hasRef && name != "$ref" && !SchemaKeywords.InertBesideRef.Contains(name))
            {
                Report(pointer, name,
                    $"uses keyword '{name}' beside $ref at {Where(pointer)}, "
                    + "and draft-07 ignores every keyword beside $ref. "
                    + "Put the $ref and the other keywords in separate allOf entries, "
                    + "or switch the schema to 2020-12.");
                continue;
            }

            CheckValue(name, property.Value, pointer, isRoot);
            VisitChildren(kind, property.Value, Append(pointer, name));
        }
    }

    private void CheckValue(string keyword, JsonElement value, string pointer, bool isRoot)
    {
        switch (keyword)
        {
            case "format" when value.ValueKind == JsonValueKind.String:
                CheckFormat(value.GetString()!, pointer);
                break;
            case "pattern" when value.ValueKind == JsonValueKind.String:
                CheckPattern(value.GetString()!, pointer, keyword);
                break;
            case "patternProperties" when value.ValueKind == JsonValueKind.Object:
                foreach (var pattern in value.EnumerateObject())
                {
                    CheckPattern(pattern.Name, pointer, keyword);
                }

                break;
            case "$schema" when !isRoot && value.ValueKind == JsonValueKind.String
                && SchemaDialects.FromUri(value.GetString()!) != _dialect:
                Report(pointer, keyword,
                    $"sets $schema '{value.GetString()}' at {Where(pointer)}, "
                    + $"another dialect than the schema root ({SchemaDialects.NameOf(_dialect)}). "
                    + "Keep the whole schema in one dialect.");
                break;
        }
    }

    private void VisitChildren(KeywordValue kind, JsonElement value, string pointer)
    {
        switch (kind)
        {
            case KeywordValue.Schema:
                VisitSchema(value, pointer);
                break;
            case KeywordValue.SchemaArray or KeywordValue.SchemaOrArray when value.ValueKind == JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    var token = index++.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    VisitSchema(item, Append(pointer, token));
                }

                break;
            case KeywordValue.SchemaOrArray:
                VisitSchema(value, pointer);
                break;
            case KeywordValue.SchemaMap or KeywordValue.SchemaOrNamesMap when value.ValueKind == JsonValueKind.Object:
                foreach (var entry in value.EnumerateObject())
                {
                    VisitSchema(entry.Value, Append(pointer, entry.Name));
                }

                break;
        }
    }

    private void ReportUnknown(string keyword, string pointer)
    {
        var hint = SchemaKeywords.HintFor(keyword, _dialect)
            ?? "Fix the spelling or remove it; vendor extensions must start with 'x-'.";
        Report(pointer, keyword,
            $"uses keyword '{keyword}' at {Where(pointer)}, "
            + $"which the validator does not enforce in {SchemaDialects.NameOf(_dialect)}. {hint}");
    }

    private void CheckFormat(string format, string pointer)
    {
        if (SchemaFormats.Enforced.Contains(format) || !_rejectUnreliableFormats)
        {
            return;
        }

        var enforced = string.Join(", ", SchemaFormats.Enforced.Order(StringComparer.Ordinal));
        Report(pointer, "format",
            $"uses format '{format}' at {Where(pointer)}, which the gate cannot enforce reliably "
            + "(its validation accepts some invalid values or does not exist). "
            + $"Use a pattern instead, or one of the enforced formats: {enforced}.");
    }

    private void CheckPattern(string pattern, string pointer, string keyword)
    {
        var translated = EcmaPatterns.Translate(pattern, out var problem);
        if (translated is null)
        {
            Report(pointer, keyword,
                $"has {keyword} '{pattern}' at {Where(pointer)}, "
                + $"which the gate cannot enforce as ECMAScript does: {problem}.");
            return;
        }

        try
        {
            // JsonSchema.Net compiles patterns with RegexOptions.ECMAScript; compiling the same way finds
            // the patterns it would reject, and names them with their place in the schema.
            _ = new Regex(translated, RegexOptions.ECMAScript, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            Report(pointer, keyword,
                $"has {keyword} '{pattern}' at {Where(pointer)}, "
                + $"which is not a valid regular expression here ({ex.Message}). "
                + "Write it with ECMAScript syntax that .NET supports; for example \\p{L} instead of \\p{Letter}.");
        }
    }

    private void Report(string pointer, string keyword, string rest) =>
        _problems.Add(new SchemaProblem(pointer, keyword, $"Schema '{_displayName}' {rest}"));

    private static string Where(string pointer) => pointer.Length == 0 ? "the schema root" : pointer;

    private static string Append(string pointer, string token) =>
        pointer + "/" + token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
