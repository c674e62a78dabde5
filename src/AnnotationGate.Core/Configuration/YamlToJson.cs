using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AnnotationGate.Core.Configuration;

/// <summary>
/// Converts a YAML (or JSON) document into a <see cref="JsonNode"/> tree and records the line and
/// column of every key and value by JSON Pointer, so that schema errors point into the source file.
/// Plain scalars follow the YAML 1.2 core schema (null, true/false, integers, floats); quoted
/// scalars are always strings.
/// </summary>
internal static class YamlToJson
{
    public static JsonNode? Convert(string text, Dictionary<string, (int Line, int Column)> positions)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        if (stream.Documents.Count == 0)
        {
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode.Start;
            throw new YamlException(second, second, "The file contains several YAML documents; a gate file must be one document. Remove the extra '---' separator.");
        }

        var root = stream.Documents[0].RootNode;
        positions[""] = (checked((int)root.Start.Line), checked((int)root.Start.Column));
        return ConvertNode(root, "", positions);
    }

    private static JsonNode? ConvertNode(YamlNode node, string pointer, Dictionary<string, (int Line, int Column)> positions) => node switch
    {
        YamlMappingNode mapping => ConvertMapping(mapping, pointer, positions),
        YamlSequenceNode sequence => ConvertSequence(sequence, pointer, positions),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => throw new YamlException(node.Start, node.End, $"Unsupported YAML node '{node.NodeType}'."),
    };

    private static JsonObject ConvertMapping(YamlMappingNode mapping, string pointer, Dictionary<string, (int Line, int Column)> positions)
    {
        var result = new JsonObject();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                throw new YamlException(keyNode.Start, keyNode.End, "Keys must be plain text.");
            }

            if (result.ContainsKey(key))
            {
                throw new YamlException(keyNode.Start, keyNode.End, $"Key '{key}' appears twice in the same mapping; keep one.");
            }

            var child = pointer + "/" + Escape(key);
            positions[child] = ((int)keyNode.Start.Line, (int)keyNode.Start.Column);
            result[key] = ConvertNode(valueNode, child, positions);
        }

        return result;
    }

    private static JsonArray ConvertSequence(YamlSequenceNode sequence, string pointer, Dictionary<string, (int Line, int Column)> positions)
    {
        var result = new JsonArray();
        var index = 0;
        foreach (var item in sequence.Children)
        {
            var child = pointer + "/" + index.ToString(CultureInfo.InvariantCulture);
            positions[child] = ((int)item.Start.Line, (int)item.Start.Column);
            result.Add(ConvertNode(item, child, positions));
            index++;
        }

        return result;
    }

    private static JsonValue? ConvertScalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(value);
    }

    private static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
