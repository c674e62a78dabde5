using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AnnotationGate.Core.Findings;
using NJsonSchema;
using NJsonSchema.Generation;

namespace AnnotationGate.Core.Configuration;

/// <summary>
/// The JSON Schema of gate files, generated from the configuration types with NJsonSchema and then
/// completed: kebab-case enum values, one <c>if</c>/<c>then</c> branch per check type, and no
/// unknown keys anywhere. The CLI's <c>schema</c> command writes it to <c>docs/gate.schema.json</c>.
/// </summary>
public static class GateSchema
{
    public const string SchemaId = "https://github.com/annotationgate/annotationgate/blob/main/docs/gate.schema.json";

    private static readonly Lazy<string> Text = new(ReadEmbedded);

    /// <summary>
    /// The schema as indented JSON text (draft 2020-12): the committed <c>docs/gate.schema.json</c>,
    /// embedded in the assembly, because generating it costs about a second at every start. A test
    /// keeps it equal to <see cref="Generate"/>.
    /// </summary>
    public static string Json => Text.Value;

    private static string ReadEmbedded()
    {
        using var stream = typeof(GateSchema).Assembly.GetManifestResourceStream("AnnotationGate.Core.gate.schema.json");
        if (stream is null)
        {
            return Generate();
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Generates the schema from the configuration types.</summary>
    public static string Generate()
    {
        var root = GenerateFor(typeof(GateConfig));
        var definitions = (JsonObject)root["definitions"]!;
        root.Remove("definitions");
        var defs = new JsonObject();
        foreach (var (name, definition) in definitions.ToList())
        {
            definitions.Remove(name);
            defs[name] = definition;
        }

        foreach (var (type, discriminator) in CheckTypesByClass())
        {
            var schema = GenerateFor(type);
            if (schema["definitions"] is JsonObject nested)
            {
                schema.Remove("definitions");
                foreach (var (name, definition) in nested.ToList())
                {
                    nested.Remove(name);
                    defs[name] ??= definition;
                }
            }

            var properties = (JsonObject)schema["properties"]!;
            properties.Remove("type");
            properties.Insert(0, "type", new JsonObject { ["const"] = discriminator, ["description"] = "Check type." });
            schema.Remove("$schema");
            schema.Remove("title");
            defs[type.Name] = schema;
        }

        defs[nameof(CheckConfig)] = CheckUnion();
        var result = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = SchemaId,
            ["title"] = "AnnotationGate gate file",
        };
        foreach (var (key, value) in root.ToList())
        {
            if (key is "$schema" or "title")
            {
                continue;
            }

            root.Remove(key);
            result[key] = value;
        }

        result["$defs"] = defs;
        RestrictRuleKeys(result);
        var text = result.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        return text.Replace("#/definitions/", "#/$defs/", StringComparison.Ordinal) + "\n";
    }

    private static JsonObject GenerateFor(Type type)
    {
        var settings = new SystemTextJsonSchemaGeneratorSettings
        {
            SerializerOptions = GateJson.Options,
            SchemaType = SchemaType.JsonSchema,
            FlattenInheritanceHierarchy = true,
            AlwaysAllowAdditionalObjectProperties = false,
            DefaultReferenceTypeNullHandling = ReferenceTypeNullHandling.NotNull,
            GenerateEnumMappingDescription = false,
        };
        var schema = JsonSchema.FromType(type, settings);
        var node = JsonNode.Parse(schema.ToJson())!.AsObject();
        FixNode(node, parentKey: null);
        return node;
    }

    /// <summary>
    /// Rewrites NJsonSchema's output for gate files: enum names to kebab-case, closes every object
    /// to unknown keys, replaces the abstract check type with the union, and drops the C#-only
    /// <c>x-enumNames</c>.
    /// </summary>
    private static void FixNode(JsonNode? node, string? parentKey)
    {
        switch (node)
        {
            case JsonObject obj:
                obj.Remove("x-enumNames");
                obj.Remove("x-enumFlags");
                if (parentKey is not ("properties" or "definitions"))
                {
                    SimplifyNullable(obj);
                }
                if (obj["enum"] is JsonArray values && values.All(v => v is JsonValue value && value.GetValueKind() == JsonValueKind.String))
                {
                    obj["enum"] = new JsonArray([.. values.Select(v => (JsonNode?)JsonNamingPolicy.KebabCaseLower.ConvertName(v!.GetValue<string>()))]);
                }

                if (obj["properties"] is JsonObject && parentKey != "properties")
                {
                    obj["additionalProperties"] = false;
                }

                foreach (var (key, child) in obj.ToList())
                {
                    FixNode(child, key);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    FixNode(child, parentKey);
                }

                break;
        }
    }

    /// <summary>
    /// Drops the <c>null</c> alternatives NJsonSchema adds for nullable properties: in a gate file an
    /// optional key is left out, and a plain <c>$ref</c> gives clearer validation errors than a <c>oneOf</c>.
    /// </summary>
    private static void SimplifyNullable(JsonObject obj)
    {
        if (obj["oneOf"] is JsonArray { Count: <= 2 } alternatives
            && alternatives.FirstOrDefault(a => a?["$ref"] is not null) is JsonObject reference
            && alternatives.All(a => a == reference || a?["type"]?.GetValue<string>() == "null"))
        {
            obj.Remove("oneOf");
            obj["$ref"] = reference["$ref"]!.GetValue<string>();
        }

        if (obj["type"] is JsonArray types && types.Count == 2 && types.Any(t => t?.GetValue<string>() == "null"))
        {
            obj["type"] = types.First(t => t?.GetValue<string>() != "null")!.GetValue<string>();
        }

        if (obj["format"] is JsonValue format && format.GetValue<string>() is "int32" or "int64" or "double" or "float")
        {
            obj.Remove("format");
        }

        if (obj["description"] is JsonValue description && description.GetValue<string>() is "")
        {
            obj.Remove("description");
        }
    }

    private static IEnumerable<(Type Type, string Discriminator)> CheckTypesByClass() =>
        typeof(CheckConfig).GetCustomAttributes<JsonDerivedTypeAttribute>()
            .Select(a => (a.DerivedType, (string)a.TypeDiscriminator!));

    private static JsonObject CheckUnion()
    {
        var types = CheckTypesByClass().ToList();
        var branches = new JsonArray();
        foreach (var (type, discriminator) in types)
        {
            branches.Add(new JsonObject
            {
                ["if"] = new JsonObject
                {
                    ["properties"] = new JsonObject { ["type"] = new JsonObject { ["const"] = discriminator } },
                    ["required"] = new JsonArray("type"),
                },
                ["then"] = new JsonObject { ["$ref"] = "#/$defs/" + type.Name },
            });
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["description"] = "A check; its type key selects the other keys.",
            ["required"] = new JsonArray("type", "dataset"),
            ["properties"] = new JsonObject
            {
                ["type"] = new JsonObject
                {
                    ["enum"] = new JsonArray([.. types.Select(t => (JsonNode?)t.Discriminator)]),
                    ["description"] = "Check type.",
                },
            },
            ["allOf"] = branches,
        };
    }

    private static void RestrictRuleKeys(JsonObject schema)
    {
        if (schema["properties"]?["rules"] is JsonObject rules)
        {
            rules["propertyNames"] = new JsonObject { ["pattern"] = "^AG[0-9]{4}$" };
        }
    }

    /// <summary>Lists the rule codes a gate file can configure, for messages.</summary>
    internal static IEnumerable<string> ConfigurableRuleCodes() =>
        RuleCatalog.All.Where(r => r.Configurable).Select(r => r.Code);
}
