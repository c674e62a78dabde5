using System.Globalization;
using System.Text.Json;

namespace AnnotationGate.Core.Json;

/// <summary>Resolves RFC 6901 JSON Pointers such as <c>/items/0/name</c> inside a <see cref="JsonElement"/>.</summary>
public static class JsonPointerValue
{
    /// <summary>Finds the value at <paramref name="pointer"/>; the empty pointer is the whole document.</summary>
    public static bool TryResolve(JsonElement root, string pointer, out JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        value = root;
        if (pointer.Length == 0)
        {
            return true;
        }

        if (pointer[0] != '/')
        {
            return false;
        }

        foreach (var raw in pointer[1..].Split('/'))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (!Step(value, token, out value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Step(JsonElement current, string token, out JsonElement next)
    {
        next = default;
        if (current.ValueKind == JsonValueKind.Object)
        {
            return current.TryGetProperty(token, out next);
        }

        if (current.ValueKind == JsonValueKind.Array
            && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index < current.GetArrayLength())
        {
            next = current[index];
            return true;
        }

        return false;
    }
}
