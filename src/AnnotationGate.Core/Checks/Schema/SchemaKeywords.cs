using System.Collections.Frozen;

namespace AnnotationGate.Core.Checks.Schema;

/// <summary>Shape of a schema keyword's value, from which the inspector finds its subschemas.</summary>
internal enum KeywordValue
{
    /// <summary>Not a schema: a number, a string, names, or instance data (<c>enum</c>, <c>const</c>).</summary>
    Plain,

    /// <summary>One subschema.</summary>
    Schema,

    /// <summary>An array of subschemas.</summary>
    SchemaArray,

    /// <summary>An object whose values are subschemas.</summary>
    SchemaMap,

    /// <summary>Draft-07 <c>items</c>: one subschema or an array of them.</summary>
    SchemaOrArray,

    /// <summary>Draft-07 <c>dependencies</c>: an object whose values are subschemas or arrays of names.</summary>
    SchemaOrNamesMap,
}

/// <summary>
/// The keywords of draft-07 and 2020-12 that JsonSchema.Net 8 enforces or that are pure annotations,
/// with the shape of their values. A keyword missing here would be ignored by the validator, so the
/// inspector rejects it.
/// </summary>
internal static class SchemaKeywords
{
    /// <summary>Annotation keywords: they never make an instance invalid, in either dialect.</summary>
    private static readonly (string, KeywordValue)[] Annotations =
    [
        ("$schema", KeywordValue.Plain), ("$id", KeywordValue.Plain), ("$comment", KeywordValue.Plain),
        ("title", KeywordValue.Plain), ("description", KeywordValue.Plain), ("default", KeywordValue.Plain),
        ("examples", KeywordValue.Plain), ("readOnly", KeywordValue.Plain), ("writeOnly", KeywordValue.Plain),
    ];

    /// <summary>Assertions and applicators that both dialects share, with the same meaning.</summary>
    private static readonly (string, KeywordValue)[] Shared =
    [
        ("$ref", KeywordValue.Plain), ("type", KeywordValue.Plain), ("enum", KeywordValue.Plain),
        ("const", KeywordValue.Plain), ("multipleOf", KeywordValue.Plain), ("maximum", KeywordValue.Plain),
        ("exclusiveMaximum", KeywordValue.Plain), ("minimum", KeywordValue.Plain),
        ("exclusiveMinimum", KeywordValue.Plain),
        ("maxLength", KeywordValue.Plain), ("minLength", KeywordValue.Plain), ("pattern", KeywordValue.Plain),
        ("maxItems", KeywordValue.Plain), ("minItems", KeywordValue.Plain), ("uniqueItems", KeywordValue.Plain),
        ("maxProperties", KeywordValue.Plain), ("minProperties", KeywordValue.Plain), ("required", KeywordValue.Plain),
        ("format", KeywordValue.Plain), ("contains", KeywordValue.Schema), ("properties", KeywordValue.SchemaMap),
        ("patternProperties", KeywordValue.SchemaMap), ("additionalProperties", KeywordValue.Schema),
        ("propertyNames", KeywordValue.Schema), ("if", KeywordValue.Schema), ("then", KeywordValue.Schema),
        ("else", KeywordValue.Schema), ("allOf", KeywordValue.SchemaArray), ("anyOf", KeywordValue.SchemaArray),
        ("oneOf", KeywordValue.SchemaArray), ("not", KeywordValue.Schema),
    ];

    private static readonly (string, KeywordValue)[] Draft07Only =
    [
        ("definitions", KeywordValue.SchemaMap), ("items", KeywordValue.SchemaOrArray),
        ("additionalItems", KeywordValue.Schema), ("dependencies", KeywordValue.SchemaOrNamesMap),

        // A 2020-12 name, but harmless here: it asserts nothing and $ref can point into it.
        ("$defs", KeywordValue.SchemaMap),
    ];

    private static readonly (string, KeywordValue)[] Draft202012Only =
    [
        ("$defs", KeywordValue.SchemaMap), ("$anchor", KeywordValue.Plain), ("$dynamicRef", KeywordValue.Plain),
        ("$dynamicAnchor", KeywordValue.Plain), ("$vocabulary", KeywordValue.Plain), ("deprecated", KeywordValue.Plain),
        ("prefixItems", KeywordValue.SchemaArray), ("items", KeywordValue.Schema), ("maxContains", KeywordValue.Plain),
        ("minContains", KeywordValue.Plain), ("dependentRequired", KeywordValue.Plain),
        ("dependentSchemas", KeywordValue.SchemaMap), ("unevaluatedItems", KeywordValue.Schema),
        ("unevaluatedProperties", KeywordValue.Schema),

        // Not a 2020-12 keyword, but its meta-schema keeps it as a place for subschemas of old schemas.
        // It asserts nothing, and $ref can point into it.
        ("definitions", KeywordValue.SchemaMap),
    ];

    /// <summary>
    /// Keywords beside <c>$ref</c> that draft-07 ignoring does no harm: annotations and places for
    /// subschemas. Any other keyword beside a draft-07 <c>$ref</c> is skipped by every validator.
    /// </summary>
    internal static readonly FrozenSet<string> InertBesideRef = FrozenSet.ToFrozenSet(
        ["$schema", "$id", "$comment", "title", "description", "default", "examples", "readOnly", "writeOnly",
            "definitions"],
        StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, KeywordValue> Draft07 = Build(Annotations, Shared, Draft07Only);

    private static readonly FrozenDictionary<string, KeywordValue> Draft202012 =
        Build(Annotations, Shared, Draft202012Only);

    /// <summary>Returns the keywords enforced (or only annotating) in <paramref name="dialect"/>.</summary>
    public static FrozenDictionary<string, KeywordValue> For(SchemaDialect dialect) =>
        dialect == SchemaDialect.Draft07 ? Draft07 : Draft202012;

    /// <summary>
    /// Returns a hint for keywords that are not enforced: a keyword of the other dialect, or a content
    /// keyword that validators treat as an annotation only. Null when there is no specific hint.
    /// </summary>
    public static string? HintFor(string keyword, SchemaDialect dialect) => keyword switch
    {
        "contentMediaType" or "contentEncoding" or "contentSchema" =>
            "Content keywords are annotations that no validation enforces; "
                + "decode and check the content in a separate check, or remove the keyword.",
        "dependencies" when dialect == SchemaDialect.Draft202012 =>
            "In 2020-12 'dependencies' was split into 'dependentRequired' and 'dependentSchemas'; use those.",
        "additionalItems" when dialect == SchemaDialect.Draft202012 =>
            "In 2020-12 use 'prefixItems' for the positions and 'items' for the rest.",
        "prefixItems" or "dependentRequired" or "dependentSchemas" or "unevaluatedProperties"
            or "unevaluatedItems" or "minContains" or "maxContains" or "$anchor" or "$dynamicRef" or "$dynamicAnchor"
            when dialect == SchemaDialect.Draft07 =>
            "It is a 2020-12 keyword; set \"$schema\": \"https://json-schema.org/draft/2020-12/schema\" to use it.",
        "id" or "$recursiveRef" or "$recursiveAnchor" or "divisibleBy" or "disallow" or "extends" =>
            "It belongs to an older or different draft; rewrite the schema for draft-07 or 2020-12.",
        _ => null,
    };

    private static FrozenDictionary<string, KeywordValue> Build(params (string, KeywordValue)[][] groups)
    {
        var all = new Dictionary<string, KeywordValue>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            foreach (var (name, value) in group)
            {
                all[name] = value;
            }
        }

        return all.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
