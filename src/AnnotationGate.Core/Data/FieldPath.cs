using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AnnotationGate.Core.Data;

/// <summary>
/// A path to a value inside a record: <c>output.reply</c>, <c>choices[0].text</c>,
/// <c>meta["key.with.dots"]</c>. A record that has a property named exactly like the whole path
/// (a CSV column called <c>output.reply</c>) resolves to that property first.
/// </summary>
public sealed class FieldPath
{
    private readonly Segment[] _segments;

    private FieldPath(string text, Segment[] segments)
    {
        Text = text;
        _segments = segments;
    }

    /// <summary>The path as written in the gate file.</summary>
    public string Text { get; }

    /// <summary>Parses a path, or throws <see cref="FormatException"/> naming the offending position.</summary>
    public static FieldPath Parse(string text)
    {
        if (!TryParse(text, out var path, out var error))
        {
            throw new FormatException(error);
        }

        return path;
    }

    public static bool TryParse(string text, out FieldPath path, out string error)
    {
        var segments = new List<Segment>();
        var name = new StringBuilder();
        var i = 0;
        error = "";
        path = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "The field path is empty; write a property name such as 'output' or 'choices[0].text'.";
            return false;
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (c == '.')
            {
                if (name.Length == 0 && (segments.Count == 0 || text[i - 1] == '.'))
                {
                    error = $"The field path '{text}' has an empty property name at position {i + 1}.";
                    return false;
                }

                FlushName(segments, name);
                i++;
            }
            else if (c == '[')
            {
                FlushName(segments, name);
                if (!TryParseBracket(text, ref i, segments, out error))
                {
                    return false;
                }
            }
            else
            {
                name.Append(c);
                i++;
            }
        }

        if (text[^1] == '.')
        {
            error = $"The field path '{text}' ends with '.'; remove it or add a property name.";
            return false;
        }

        FlushName(segments, name);
        path = new FieldPath(text, [.. segments]);
        return true;
    }

    /// <summary>Finds the value at this path, or returns false when any segment is missing.</summary>
    public bool TryResolve(JsonElement root, out JsonElement value)
    {
        if (_segments.Length > 1 && root.ValueKind == JsonValueKind.Object && root.TryGetProperty(Text, out value))
        {
            return true;
        }

        value = root;
        foreach (var segment in _segments)
        {
            if (!segment.TryStep(value, out value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Returns the value as text: strings as they are, numbers and booleans in their JSON spelling,
    /// objects and arrays as raw JSON; null when the path is missing or the value is JSON null.
    /// </summary>
    public string? ResolveText(JsonElement root)
    {
        if (!TryResolve(root, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        };
    }

    /// <summary>Returns the path as an RFC 6901 JSON Pointer, such as <c>/choices/0/text</c>.</summary>
    public string ToJsonPointer() =>
        string.Concat(_segments.Select(s => "/" + s.ToString().Replace("~", "~0", StringComparison.Ordinal)
            .Replace("/", "~1", StringComparison.Ordinal)));

    public override string ToString() => Text;

    private static void FlushName(List<Segment> segments, StringBuilder name)
    {
        if (name.Length > 0)
        {
            segments.Add(Segment.Property(name.ToString()));
            name.Clear();
        }
    }

    private static bool TryParseBracket(string text, ref int i, List<Segment> segments, out string error)
    {
        error = "";
        var close = text.IndexOf(']', i);
        if (close < 0)
        {
            error = $"The field path '{text}' opens '[' at position {i + 1} without a closing ']'.";
            return false;
        }

        var inner = text[(i + 1)..close];
        if (inner.Length >= 2 && (inner[0] == '"' || inner[0] == '\'') && inner[^1] == inner[0])
        {
            segments.Add(Segment.Property(inner[1..^1]));
        }
        else if (int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            segments.Add(Segment.Index(index));
        }
        else
        {
            error = $"The field path '{text}' has '[{inner}]' at position {i + 1}; write an array index such as [0] or a quoted name such as [\"a.b\"].";
            return false;
        }

        i = close + 1;
        if (i < text.Length && text[i] != '.' && text[i] != '[')
        {
            error = $"The field path '{text}' needs '.' or '[' after ']' at position {i + 1}.";
            return false;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
        }

        return true;
    }

    private readonly record struct Segment(string? Name, int ArrayIndex)
    {
        public static Segment Property(string name) => new(name, -1);

        public static Segment Index(int index) => new(null, index);

        public bool TryStep(JsonElement current, out JsonElement next)
        {
            next = default;
            if (Name is not null)
            {
                return current.ValueKind == JsonValueKind.Object && current.TryGetProperty(Name, out next);
            }

            if (current.ValueKind != JsonValueKind.Array || ArrayIndex >= current.GetArrayLength())
            {
                return false;
            }

            next = current[ArrayIndex];
            return true;
        }

        public override string ToString() => Name ?? ArrayIndex.ToString(CultureInfo.InvariantCulture);
    }
}
