using System.Text.Json;

namespace AnnotationGate.Core.Checks.Paraphrase;

/// <summary>Reads a JSON output: a JSON object or array as is, or a string holding one (bare or in a ``` fence).</summary>
internal static class JsonOutput
{
    public static bool TryParse(JsonElement value, out JsonElement json)
    {
        json = value;
        if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var text = Unfence(value.GetString()!.Trim());
        if (text.Length == 0 || text[0] is not ('{' or '['))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            json = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Unfence(string text)
    {
        if (!text.StartsWith("```", StringComparison.Ordinal) || !text.EndsWith("```", StringComparison.Ordinal) || text.Length < 6)
        {
            return text;
        }

        var firstLine = text.IndexOf('\n');
        return firstLine < 0 ? text : text[(firstLine + 1)..^3].Trim();
    }
}
