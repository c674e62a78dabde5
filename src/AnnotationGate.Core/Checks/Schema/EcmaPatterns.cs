using System.Text;
using System.Text.Json.Nodes;

namespace AnnotationGate.Core.Checks.Schema;

/// <summary>
/// Brings JSON Schema patterns (ECMAScript regular expressions) closer to ECMAScript before JsonSchema.Net
/// compiles them with .NET's <c>RegexOptions.ECMAScript</c>. In that mode <c>\s</c> matches only ASCII
/// whitespace, so <c>^\S+$</c> accepted a no-break space that ECMAScript rejects; and a quantifier after a
/// character outside the Basic Multilingual Plane applied to its low surrogate only.
/// </summary>
internal static class EcmaPatterns
{
    /// <summary>Whitespace and line terminators of ECMAScript's <c>\s</c> that .NET's ECMAScript mode lacks.</summary>
    private const string ExtraWhitespace = @"\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

    /// <summary>
    /// Returns the pattern with <c>\s</c> and <c>\S</c> widened to ECMAScript's whitespace and each
    /// quantified supplementary character grouped; null with <paramref name="problem"/> set when
    /// the pattern uses <c>\S</c> inside a character class, which cannot be widened.
    /// </summary>
    public static string? Translate(string pattern, out string? problem)
    {
        problem = null;
        var result = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                if (next is 's' or 'S' && !AppendWhitespaceClass(result, next == 'S', inClass, out problem))
                {
                    return null;
                }

                if (next is not ('s' or 'S'))
                {
                    result.Append(c).Append(next);
                }

                continue;
            }

            inClass = c == '[' || (inClass && c != ']');
            if (!inClass && char.IsHighSurrogate(c) && i + 1 < pattern.Length && char.IsLowSurrogate(pattern[i + 1])
                && i + 2 < pattern.Length && pattern[i + 2] is '*' or '+' or '?' or '{')
            {
                result.Append("(?:").Append(c).Append(pattern[++i]).Append(')');
                continue;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    /// <summary>Rewrites every <c>pattern</c> and <c>patternProperties</c> key of a schema, in place.</summary>
    public static void RewriteSchema(JsonNode? schema, SchemaDialect dialect)
    {
        if (schema is not JsonObject obj)
        {
            return;
        }

        var keywords = SchemaKeywords.For(dialect);
        foreach (var (name, value) in obj.ToList())
        {
            if (name == "pattern" && value is JsonValue text && text.TryGetValue<string>(out var pattern))
            {
                obj[name] = Translate(pattern, out _) ?? pattern;
            }
            else if (name == "patternProperties" && value is JsonObject map)
            {
                obj[name] = RewriteKeys(map);
            }

            if (keywords.TryGetValue(name, out var kind))
            {
                RewriteChildren(obj[name], kind, dialect);
            }
        }
    }

    private static JsonObject RewriteKeys(JsonObject map)
    {
        var rewritten = new JsonObject();
        foreach (var (key, value) in map.ToList())
        {
            map.Remove(key);
            rewritten[Translate(key, out _) ?? key] = value;
        }

        return rewritten;
    }

    private static void RewriteChildren(JsonNode? value, KeywordValue kind, SchemaDialect dialect)
    {
        switch (kind)
        {
            case KeywordValue.Schema or KeywordValue.SchemaOrArray when value is JsonObject:
                RewriteSchema(value, dialect);
                break;
            case KeywordValue.SchemaArray or KeywordValue.SchemaOrArray when value is JsonArray array:
                foreach (var item in array)
                {
                    RewriteSchema(item, dialect);
                }

                break;
            case KeywordValue.SchemaMap or KeywordValue.SchemaOrNamesMap when value is JsonObject map:
                foreach (var (_, item) in map)
                {
                    RewriteSchema(item, dialect);
                }

                break;
        }
    }

    private static bool AppendWhitespaceClass(StringBuilder result, bool negated, bool inClass, out string? problem)
    {
        problem = null;
        if (!inClass)
        {
            result.Append(negated ? "[^" : "[").Append(@"\s").Append(ExtraWhitespace).Append(']');
            return true;
        }

        if (negated)
        {
            problem = @"it uses \S inside a character class, where .NET would miss ECMAScript's non-ASCII whitespace; "
                + @"write the class without \S, for example [^\s] instead of [\S]";
            return false;
        }

        result.Append(@"\s").Append(ExtraWhitespace);
        return true;
    }
}
