using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace AnnotationGate.Core.Checks.Schema;

/// <summary>Settings for <see cref="SchemaCompiler.Compile"/>.</summary>
public sealed class SchemaCompileOptions
{
    /// <summary>Dialect of a schema without <c>$schema</c>. Default 2020-12.</summary>
    public SchemaDialect DefaultDialect { get; init; } = SchemaDialect.Draft202012;

    /// <summary>
    /// Schema documents that <c>$ref</c> may point at, by absolute URI (without fragment), served from
    /// memory. Null (the default) resolves nothing outside the schema file: nothing is fetched over a network.
    /// </summary>
    public IReadOnlyDictionary<Uri, string>? Documents { get; init; }

    /// <summary>
    /// Whether <c>format</c> values outside <see cref="SchemaFormats.Enforced"/> reject the schema. Default
    /// true; only the measurement that chooses the enforced formats turns it off.
    /// </summary>
    internal bool RejectUnreliableFormats { get; init; } = true;
}

/// <summary>Outcome of <see cref="SchemaCompiler.Compile"/>: a schema ready to use, or why it is rejected.</summary>
public sealed class SchemaCompileResult
{
    internal SchemaCompileResult(CompiledSchema? schema, IReadOnlyList<SchemaProblem> problems)
    {
        Schema = schema;
        Problems = problems;
    }

    /// <summary>The compiled schema; null when <see cref="Problems"/> is not empty.</summary>
    public CompiledSchema? Schema { get; }

    /// <summary>Why the schema is rejected: invalid JSON, another dialect, or keywords that would be skipped.</summary>
    public IReadOnlyList<SchemaProblem> Problems { get; }
}

/// <summary>
/// Turns schema text into a <see cref="CompiledSchema"/>, rejecting every schema that uses something
/// the validator would skip (see <see cref="SchemaInspector"/>), so that no output passes because a
/// keyword went unenforced. Results are cached by display name, dialect and text. Thread-safe.
/// </summary>
public static class SchemaCompiler
{
    private static readonly ConcurrentDictionary<(string Name, SchemaDialect Dialect, string Text), SchemaCompileResult>
        Cache = new();

    /// <summary>Compiles <paramref name="text"/>, named <paramref name="displayName"/> in messages.</summary>
    public static SchemaCompileResult Compile(string text, string displayName, SchemaCompileOptions? options = null)
    {
        options ??= new SchemaCompileOptions();
        if (options.Documents is not null || !options.RejectUnreliableFormats)
        {
            return CompileUncached(text, displayName, options);
        }

        return Cache.GetOrAdd(
            (displayName, options.DefaultDialect, text),
            key => CompileUncached(key.Text, key.Name, options));
    }

    private static SchemaCompileResult CompileUncached(string text, string displayName, SchemaCompileOptions options)
    {
        JsonElement root;
        try
        {
            root = JsonElement.Parse(text);
        }
        catch (JsonException ex)
        {
            return Rejected("", "", $"Schema '{displayName}' is not valid JSON: {ex.Message} Fix the file.");
        }

        if (!TryDetectDialect(root, displayName, options.DefaultDialect, out var dialect, out var dialectProblem))
        {
            return new SchemaCompileResult(null, [dialectProblem]);
        }

        var problems = SchemaInspector.Inspect(root, displayName, dialect, options.RejectUnreliableFormats);
        if (problems.Count > 0)
        {
            return new SchemaCompileResult(null, problems);
        }

        return Build(root, displayName, dialect, options);
    }

    private static SchemaCompileResult Build(
        JsonElement root,
        string displayName,
        SchemaDialect dialect,
        SchemaCompileOptions options)
    {
        root = WithEcmaPatterns(root, dialect);
        var registry = new SchemaRegistry();
        var buildOptions = new BuildOptions { SchemaRegistry = registry, Dialect = LibraryDialect(dialect) };
        if (options.Documents is { } documents)
        {
            registry.Fetch = (uri, _) => FetchDocument(uri, documents, dialect, registry);
        }

        try
        {
            var schema = JsonSchema.Build(root, buildOptions);
            if (FindUnresolvedReference(schema.Root, registry, []) is { } missing)
            {
                return Rejected("", "$ref",
                    $"Schema '{displayName}' has a $ref to '{missing}', which cannot be resolved. "
                    + "Schemas are never fetched over a network: "
                    + "move the referenced schema under $defs in the same file.");
            }

            var compiled = new CompiledSchema(schema, displayName, dialect, FastValidator.TryCreate(root), root.Clone());
            return new SchemaCompileResult(compiled, []);
        }
        catch (SchemaRejectedException ex)
        {
            return new SchemaCompileResult(null, ex.Problems);
        }
        catch (RefResolutionException ex)
        {
            return Rejected("", "$ref",
                $"Schema '{displayName}' has a $ref that cannot be resolved ({ex.Message}). "
                + "Schemas are never fetched over a network: move the referenced schema under $defs in the same file.");
        }
        catch (Exception ex)
            when (ex is JsonSchemaException or ArgumentException or JsonException or InvalidOperationException)
        {
            var dialectName = SchemaDialects.NameOf(dialect);
            return Rejected("", "",
                $"Schema '{displayName}' is not a valid {dialectName} schema: {ex.Message} Fix the file.");
        }
    }

    /// <summary>
    /// Returns the first <c>$ref</c> whose document is neither the schema itself nor a document the
    /// registry can supply. JsonSchema.Net resolves references only during evaluation, so without this
    /// walk such a schema would load and then fail (as invalid) on every record.
    /// </summary>
    private static string? FindUnresolvedReference(
        JsonSchemaNode node,
        SchemaRegistry registry,
        HashSet<JsonSchemaNode> visited)
    {
        if (!visited.Add(node))
        {
            return null;
        }

        foreach (var keyword in node.Keywords)
        {
            if (keyword.Handler.Name == "$ref" && keyword.Value is Uri target)
            {
                var document = registry.Get(new Uri(target.GetLeftPart(UriPartial.Query)));
                if (document is null)
                {
                    return keyword.RawValue.ValueKind == JsonValueKind.String
                        ? keyword.RawValue.GetString()
                        : target.ToString();
                }

                if (document is JsonSchema referenced
                    && FindUnresolvedReference(referenced.Root, registry, visited) is { } deeper)
                {
                    return deeper;
                }
            }

            foreach (var child in keyword.Subschemas ?? [])
            {
                if (FindUnresolvedReference(child, registry, visited) is { } missing)
                {
                    return missing;
                }
            }
        }

        return null;
    }

    /// <summary>Builds a referenced document served from memory, inspecting it like the schema itself.</summary>
    private static JsonSchema? FetchDocument(
        Uri uri,
        IReadOnlyDictionary<Uri, string> documents,
        SchemaDialect referrer,
        SchemaRegistry registry)
    {
        var withoutFragment = new Uri(uri.GetLeftPart(UriPartial.Query));
        if (!documents.TryGetValue(withoutFragment, out var text))
        {
            return null;
        }

        var root = JsonElement.Parse(text);
        var name = withoutFragment.ToString();
        if (!TryDetectDialect(root, name, referrer, out var dialect, out var dialectProblem))
        {
            throw new SchemaRejectedException([dialectProblem]);
        }

        var problems = SchemaInspector.Inspect(root, name, dialect, rejectUnreliableFormats: true);
        if (problems.Count > 0)
        {
            throw new SchemaRejectedException(problems);
        }

        var options = new BuildOptions { SchemaRegistry = registry, Dialect = LibraryDialect(dialect) };
        return JsonSchema.Build(WithEcmaPatterns(root, dialect), options, withoutFragment);
    }

    /// <summary>Returns the schema with its patterns translated by <see cref="EcmaPatterns"/>.</summary>
    private static JsonElement WithEcmaPatterns(JsonElement root, SchemaDialect dialect)
    {
        var text = root.GetRawText();
        if (!text.Contains("pattern", StringComparison.Ordinal))
        {
            return root;
        }

        var node = JsonNode.Parse(text);
        EcmaPatterns.RewriteSchema(node, dialect);
        return JsonElement.Parse(node!.ToJsonString());
    }

    private static bool TryDetectDialect(
        JsonElement root,
        string displayName,
        SchemaDialect fallback,
        out SchemaDialect dialect,
        out SchemaProblem problem)
    {
        dialect = fallback;
        problem = null!;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("$schema", out var declared))
        {
            return true;
        }

        if (declared.ValueKind == JsonValueKind.String && SchemaDialects.FromUri(declared.GetString()!) is { } known)
        {
            dialect = known;
            return true;
        }

        problem = new SchemaProblem("", "$schema",
            $"Schema '{displayName}' declares $schema {declared.GetRawText()}, which is not supported. "
            + $"Use \"{SchemaDialects.UriOf(SchemaDialect.Draft202012)}\" "
            + $"or \"{SchemaDialects.UriOf(SchemaDialect.Draft07)}\", "
            + "or remove $schema for 2020-12.");
        return false;
    }

    private static Dialect LibraryDialect(SchemaDialect dialect) =>
        dialect == SchemaDialect.Draft07 ? Dialect.Draft07 : Dialect.Draft202012;

    private static SchemaCompileResult Rejected(string pointer, string keyword, string message) =>
        new(null, [new SchemaProblem(pointer, keyword, message)]);

    private sealed class SchemaRejectedException(IReadOnlyList<SchemaProblem> problems)
        : Exception("The referenced schema was rejected.")
    {
        public IReadOnlyList<SchemaProblem> Problems { get; } = problems;
    }
}
