using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace AnnotationGate.Core.Configuration;

/// <summary>
/// Validates a parsed gate file against <see cref="GateSchema"/> with JsonSchema.Net and rewrites the
/// validator's errors as plain messages at the offending key: unknown keys with a "did you mean",
/// missing keys, wrong types and values outside an enum.
/// </summary>
internal static class GateFileValidator
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(GateSchema.Json, new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    private static readonly Lazy<JsonObject> SchemaDocument = new(() => JsonNode.Parse(GateSchema.Json)!.AsObject());

    public static List<ConfigurationError> Validate(JsonObject root, LoadedGate gate)
    {
        List<SchemaError> raw = [];
        for (var attempt = 0; attempt < 4; attempt++)
        {
            raw = Evaluate(root);
            if (!CoerceScalarsToStrings(root, raw))
            {
                break;
            }
        }

        return [.. raw
            .Select(e => Describe(root, e, gate))
            .OfType<ConfigurationError>()
            .DistinctBy(e => (e.Line, e.Column, e.Message))
            .OrderBy(e => e.Line)
            .ThenBy(e => e.Column)];
    }

    private static List<SchemaError> Evaluate(JsonObject root)
    {
        var element = JsonSerializer.SerializeToElement(root);
        var results = Schema.Value.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = new List<SchemaError>();
        if (results.IsValid)
        {
            return errors;
        }

        foreach (var detail in results.Details ?? [])
        {
            // A failed "if" only selects a branch; it is not an error of the document.
            if (detail.Errors is null || detail.EvaluationPath.ToString().Contains("/if", StringComparison.Ordinal))
            {
                continue;
            }

            var location = detail.SchemaLocation.Fragment.TrimStart('#');
            foreach (var (keyword, message) in detail.Errors)
            {
                errors.Add(new SchemaError(detail.InstanceLocation.ToString(), keyword, message, Uri.UnescapeDataString(location)));
            }
        }

        return errors;
    }

    /// <summary>
    /// Turns numbers and booleans into strings where the schema expects a string (an unquoted
    /// <c>id: 1</c> in YAML); returns true when it changed anything.
    /// </summary>
    private static bool CoerceScalarsToStrings(JsonObject root, List<SchemaError> errors)
    {
        var changed = false;
        foreach (var error in errors)
        {
            if (error.Keyword != "type" || !error.Message.Contains("\"string\"", StringComparison.Ordinal))
            {
                continue;
            }

            if (Locate(root, error.Pointer) is JsonValue value
                && value.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
                && value.Parent is { } parent)
            {
                Replace(parent, value, JsonValue.Create(value.ToJsonString()));
                changed = true;
            }
        }

        return changed;
    }

    private static ConfigurationError? Describe(JsonObject root, SchemaError error, LoadedGate gate)
    {
        var key = KeyName(error.Pointer);
        var value = Locate(root, error.Pointer);
        var message = error.Keyword switch
        {
            "false" or "" => UnknownKey(error, key),
            "required" => MissingKeys(error),
            "enum" => NotInEnum(error, key, value),
            "type" => WrongType(error, key, value),
            "const" => null,
            "pattern" when error.Pointer.StartsWith("/rules/", StringComparison.Ordinal) =>
                $"Rule code '{key}' is not a rule code; codes are AG followed by four digits, such as AG1001.",
            "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" or "minLength" or "minItems" =>
                $"Key '{key}' has value {Show(value)}: {error.Message.TrimEnd('.')}.",
            _ => $"{Where(error.Pointer)}: {error.Message.TrimEnd('.')}.",
        };
        return message is null ? null : gate.ErrorAt(error.Pointer, $"{message} (at {Where(error.Pointer)})");
    }

    private static string UnknownKey(SchemaError error, string key)
    {
        var cut = error.SchemaLocation.LastIndexOf("/additionalProperties", StringComparison.Ordinal);
        var parentSchema = SchemaAt(cut < 0 ? error.SchemaLocation : error.SchemaLocation[..cut]);
        var valid = ((parentSchema as JsonObject)?["properties"] as JsonObject)?.Select(p => p.Key).ToList() ?? [];
        var suggestion = valid.MinBy(v => EditDistance(v, key));
        var hint = suggestion is not null && EditDistance(suggestion, key) <= Math.Max(2, key.Length / 3)
            ? $" Did you mean '{suggestion}'?"
            : "";
        var list = valid.Count > 0 ? $" Valid keys here: {string.Join(", ", valid)}." : "";
        return $"Unknown key '{key}'.{hint}{list}";
    }

    private static string WrongType(SchemaError error, string key, JsonNode? value)
    {
        var marker = "should be \"";
        var start = error.Message.IndexOf(marker, StringComparison.Ordinal);
        var expected = start < 0 ? "another type" : error.Message[(start + marker.Length)..].Split('"')[0];
        var article = expected is "integer" or "array" or "object" ? "an" : "a";
        return $"Key '{key}' must be {article} {expected}; found {Show(value)}.";
    }

    private static string MissingKeys(SchemaError error)
    {
        var names = JsonNode.Parse(error.Message[error.Message.IndexOf('[', StringComparison.Ordinal)..(error.Message.IndexOf(']', StringComparison.Ordinal) + 1)])!
            .AsArray().Select(n => n!.GetValue<string>());
        return $"Missing required key {string.Join(", ", names.Select(n => $"'{n}'"))}.";
    }

    private static string NotInEnum(SchemaError error, string key, JsonNode? value)
    {
        var allowed = (SchemaAt(error.SchemaLocation) as JsonObject)?["enum"] as JsonArray;
        var list = allowed is null ? "" : $" Expected one of: {string.Join(", ", allowed.Select(a => a!.ToString()))}.";
        var what = key == "type" ? $"Check type {Show(value)} is unknown." : $"Key '{key}' has value {Show(value)}, which is not allowed.";
        return what + list;
    }

    private static JsonNode? SchemaAt(string pointer) => Locate(SchemaDocument.Value, pointer);

    private static string KeyName(string pointer) =>
        pointer.Length == 0 ? "" : pointer[(pointer.LastIndexOf('/') + 1)..].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    private static string Show(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => $"'{v.GetValue<string>()}'",
        JsonObject => "a mapping",
        JsonArray => "a list",
        _ => value.ToJsonString(),
    };

    /// <summary>Writes a pointer the way a user reads the file: <c>checks[0].unit</c>.</summary>
    private static string Where(string pointer)
    {
        if (pointer.Length == 0)
        {
            return "top level";
        }

        var text = new System.Text.StringBuilder();
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(segment, out _))
            {
                text.Append('[').Append(segment).Append(']');
            }
            else
            {
                text.Append(text.Length > 0 ? "." : "").Append(segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
            }
        }

        return text.ToString();
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }

    private sealed record SchemaError(string Pointer, string Keyword, string Message, string SchemaLocation);

    internal static JsonNode? Locate(JsonNode root, string pointer)
    {
        var node = root;
        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject obj => obj[segment],
                JsonArray array when int.TryParse(segment, out var index) && index < array.Count => array[index],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private static void Replace(JsonNode parent, JsonNode old, JsonNode replacement)
    {
        switch (parent)
        {
            case JsonObject obj:
                obj[old.GetPropertyName()] = replacement;
                break;
            case JsonArray array:
                array[old.GetElementIndex()] = replacement;
                break;
        }
    }
}
