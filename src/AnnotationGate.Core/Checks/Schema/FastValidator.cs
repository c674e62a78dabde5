using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AnnotationGate.Core.Checks.Schema;

/// <summary>
/// A validator for the keywords that most output schemas use (type, enum, const, required,
/// properties, additionalProperties, items, numeric and length bounds, pattern). It only ever
/// confirms: <see cref="IsValid"/> returns true when it is certain that the instance matches, and
/// false when it does not match or when it is unsure (a number beyond decimal range, a non-integer
/// literal such as <c>1.0</c>). JsonSchema.Net then decides every record it did not confirm, so the
/// shortcut can make validation faster but never lets an invalid output pass that JsonSchema.Net
/// would fail. The official test suite runs through it, with zero wrong-valid cases.
/// </summary>
internal sealed class FastValidator
{
    private static readonly FrozenSet<string> Annotations = FrozenSet.ToFrozenSet(
        ["$schema", "$comment", "title", "description", "default", "examples", "readOnly", "writeOnly", "deprecated"],
        StringComparer.Ordinal);

    private readonly Node _root;

    private FastValidator(Node root)
    {
        _root = root;
    }

    /// <summary>
    /// Returns a validator for the schema (with patterns already translated by <see cref="EcmaPatterns"/>),
    /// or null when it uses any keyword outside the subset.
    /// </summary>
    public static FastValidator? TryCreate(JsonElement schema) =>
        Node.TryCompile(schema) is { } root ? new FastValidator(root) : null;

    /// <summary>Returns true only when <paramref name="instance"/> certainly matches the schema.</summary>
    public bool IsValid(JsonElement instance) => _root.Confirms(instance);

    private sealed class Node
    {
        private bool _false;
        private JsonValueKind[]? _types;
        private bool _integer;
        private JsonElement[]? _enum;
        private string[]? _required;
        private FrozenDictionary<string, Node>? _properties;
        private Node? _additional;
        private Node? _items;
        private decimal? _minimum;
        private decimal? _maximum;
        private decimal? _exclusiveMinimum;
        private decimal? _exclusiveMaximum;
        private long? _minLength;
        private long? _maxLength;
        private long? _minItems;
        private long? _maxItems;
        private long? _minProperties;
        private long? _maxProperties;
        private Regex? _pattern;

        public static Node? TryCompile(JsonElement schema)
        {
            if (schema.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return new Node { _false = schema.ValueKind == JsonValueKind.False };
            }

            if (schema.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var node = new Node();
            foreach (var keyword in schema.EnumerateObject())
            {
                if (!Annotations.Contains(keyword.Name) && !keyword.Name.StartsWith("x-", StringComparison.Ordinal)
                    && !node.TryAdd(keyword.Name, keyword.Value))
                {
                    return null;
                }
            }

            return node;
        }

        public bool Confirms(JsonElement instance)
        {
            if (_false)
            {
                return false;
            }

            return ConfirmsType(instance)
                && ConfirmsEnum(instance)
                && instance.ValueKind switch
                {
                    JsonValueKind.Object => ConfirmsObject(instance),
                    JsonValueKind.Array => ConfirmsArray(instance),
                    JsonValueKind.String => ConfirmsString(instance.GetString()!),
                    JsonValueKind.Number => ConfirmsNumber(instance),
                    _ => true,
                };
        }

        private bool TryAdd(string keyword, JsonElement value) => keyword switch
        {
            "type" => TryTypes(value),
            "enum" => value.ValueKind == JsonValueKind.Array
                && (_enum = [.. value.EnumerateArray().Select(v => v.Clone())]) is not null,
            "const" => (_enum = [value.Clone()]) is not null,
            "required" => value.ValueKind == JsonValueKind.Array
                && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String)
                && (_required = [.. value.EnumerateArray().Select(v => v.GetString()!)]) is not null,
            "properties" => TryProperties(value),
            "additionalProperties" => (_additional = TryCompile(value)) is not null,
            "items" => (_items = TryCompile(value)) is not null,
            "minimum" => value.TryGetDecimal(out var min) && (_minimum = min) is not null,
            "maximum" => value.TryGetDecimal(out var max) && (_maximum = max) is not null,
            "exclusiveMinimum" => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var xmin)
                && (_exclusiveMinimum = xmin) is not null,
            "exclusiveMaximum" => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var xmax)
                && (_exclusiveMaximum = xmax) is not null,
            "minLength" => TryCount(value, out _minLength),
            "maxLength" => TryCount(value, out _maxLength),
            "minItems" => TryCount(value, out _minItems),
            "maxItems" => TryCount(value, out _maxItems),
            "minProperties" => TryCount(value, out _minProperties),
            "maxProperties" => TryCount(value, out _maxProperties),
            "pattern" => TryPattern(value),
            _ => false,
        };

        private bool TryTypes(JsonElement value)
        {
            JsonElement[] names = value.ValueKind switch
            {
                JsonValueKind.String => [value],
                JsonValueKind.Array => [.. value.EnumerateArray()],
                _ => [],
            };
            var kinds = new List<JsonValueKind>();
            foreach (var name in names)
            {
                switch (name.ValueKind == JsonValueKind.String ? name.GetString() : null)
                {
                    case "object": kinds.Add(JsonValueKind.Object); break;
                    case "array": kinds.Add(JsonValueKind.Array); break;
                    case "string": kinds.Add(JsonValueKind.String); break;
                    case "number": kinds.Add(JsonValueKind.Number); break;
                    case "boolean": kinds.AddRange([JsonValueKind.True, JsonValueKind.False]); break;
                    case "null": kinds.Add(JsonValueKind.Null); break;
                    case "integer": _integer = true; break;
                    default: return false;
                }
            }

            _types = [.. kinds];
            return names.Length > 0;
        }

        private bool TryProperties(JsonElement value)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var properties = new Dictionary<string, Node>(StringComparer.Ordinal);
            foreach (var property in value.EnumerateObject())
            {
                if (TryCompile(property.Value) is not { } child || !properties.TryAdd(property.Name, child))
                {
                    return false;
                }
            }

            _properties = properties.ToFrozenDictionary(StringComparer.Ordinal);
            return true;
        }

        private bool TryPattern(JsonElement value)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            // The schema reaches this point with its patterns already translated by EcmaPatterns.
            _pattern = new Regex(value.GetString()!, RegexOptions.ECMAScript, TimeSpan.FromSeconds(1));
            return true;
        }

        private static bool TryCount(JsonElement value, out long? count)
        {
            count = null;
            if (value.TryGetInt64(out var parsed) && parsed >= 0)
            {
                count = parsed;
                return true;
            }

            return false;
        }

        private bool ConfirmsType(JsonElement instance)
        {
            if (_types is null && !_integer)
            {
                return true;
            }

            if (_types is not null && Array.IndexOf(_types, instance.ValueKind) >= 0)
            {
                return true;
            }

            // Only literal integers are confirmed: 1.0 is an integer to JSON Schema, and the full validator decides it.
            return _integer && instance.ValueKind == JsonValueKind.Number && instance.TryGetInt64(out _)
                && !instance.GetRawText().Contains('.', StringComparison.Ordinal);
        }

        private bool ConfirmsEnum(JsonElement instance)
        {
            if (_enum is null)
            {
                return true;
            }

            foreach (var candidate in _enum)
            {
                // Numbers are left to the full validator, which compares 1 and 1.0 as equal.
                if (candidate.ValueKind == instance.ValueKind && candidate.ValueKind != JsonValueKind.Number
                    && candidate.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)
                    && JsonElement.DeepEquals(candidate, instance))
                {
                    return true;
                }
            }

            return false;
        }

        private bool ConfirmsObject(JsonElement instance)
        {
            var count = 0L;
            if (_required is not null)
            {
                foreach (var name in _required)
                {
                    if (!instance.TryGetProperty(name, out _))
                    {
                        return false;
                    }
                }
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in instance.EnumerateObject())
            {
                count++;
                if (!seen.Add(property.Name))
                {
                    return false;
                }

                var child = _properties is not null && _properties.TryGetValue(property.Name, out var declared)
                    ? declared
                    : _additional;
                if (child is not null && !child.Confirms(property.Value))
                {
                    return false;
                }
            }

            return (_minProperties is not { } min || count >= min) && (_maxProperties is not { } max || count <= max);
        }

        private bool ConfirmsArray(JsonElement instance)
        {
            var count = instance.GetArrayLength();
            if ((_minItems is { } min && count < min) || (_maxItems is { } max && count > max))
            {
                return false;
            }

            return _items is null || instance.EnumerateArray().All(_items.Confirms);
        }

        private bool ConfirmsString(string text)
        {
            if (_minLength is not null || _maxLength is not null)
            {
                var codePoints = text.Length;
                for (var i = 0; i + 1 < text.Length; i++)
                {
                    if (char.IsSurrogatePair(text[i], text[i + 1]))
                    {
                        codePoints--;
                        i++;
                    }
                }

                if ((_minLength is { } min && codePoints < min) || (_maxLength is { } max && codePoints > max))
                {
                    return false;
                }
            }

            return _pattern is null || _pattern.IsMatch(text);
        }

        private bool ConfirmsNumber(JsonElement instance)
        {
            if (_minimum is null && _maximum is null && _exclusiveMinimum is null && _exclusiveMaximum is null)
            {
                return true;
            }

            // Long literals may round when read as decimal, so they are left to the full validator.
            if (instance.GetRawText().Length > 20 || !instance.TryGetDecimal(out var value))
            {
                return false;
            }

            return (_minimum is not { } min || value >= min)
                && (_maximum is not { } max || value <= max)
                && (_exclusiveMinimum is not { } xmin || value > xmin)
                && (_exclusiveMaximum is not { } xmax || value < xmax);
        }
    }
}
