namespace AnnotationGate.Core.Checks.Schema;

/// <summary>A JSON Schema dialect that the json-schema check validates with every keyword enforced.</summary>
public enum SchemaDialect
{
    /// <summary>Draft-07, <c>http://json-schema.org/draft-07/schema#</c>.</summary>
    Draft07,

    /// <summary>Draft 2020-12, <c>https://json-schema.org/draft/2020-12/schema</c>; the default.</summary>
    Draft202012,
}

/// <summary>Recognizes the <c>$schema</c> values of the supported dialects.</summary>
public static class SchemaDialects
{
    /// <summary>Returns the dialect a <c>$schema</c> URI names, or null for any other meta-schema.</summary>
    public static SchemaDialect? FromUri(string uri)
    {
        var normalized = uri.EndsWith('#') ? uri[..^1] : uri;
        return normalized switch
        {
            "http://json-schema.org/draft-07/schema" => SchemaDialect.Draft07,
            "https://json-schema.org/draft/2020-12/schema" => SchemaDialect.Draft202012,
            _ => null,
        };
    }

    /// <summary>Returns the canonical <c>$schema</c> URI of a dialect.</summary>
    public static string UriOf(SchemaDialect dialect) => dialect switch
    {
        SchemaDialect.Draft07 => "http://json-schema.org/draft-07/schema#",
        _ => "https://json-schema.org/draft/2020-12/schema",
    };

    /// <summary>Returns the short name used in messages: <c>draft-07</c> or <c>2020-12</c>.</summary>
    public static string NameOf(SchemaDialect dialect) => dialect == SchemaDialect.Draft07 ? "draft-07" : "2020-12";
}
