using System.Globalization;
using System.Text;
using System.Text.Json;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;
using AnnotationGate.Core.Findings;

namespace AnnotationGate.Core.Checks.Paraphrase;

/// <summary>
/// Reader of the check's dataset in two passes. The first counts the records of each paraphrase
/// group, so that a group can be judged as soon as its last record has passed. The second yields each
/// record's location and compared value. Records without a group are skipped. Records without a
/// usable output are reported and yielded without a member, so that their group still completes.
/// </summary>
internal sealed class GroupCollector(
    ParaphraseCheckConfig config, FieldPath output, FieldPath group, FieldPath? variant, FieldPath[] fields)
{
    /// <summary>Records per group key. Keeps only the keys, not the records.</summary>
    public Dictionary<string, int> CountRecords(CheckContext context, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in context.ReadDataset(config.Dataset, cancellationToken))
        {
            if (GroupOf(record) is { } key)
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return counts;
    }

    /// <summary>
    /// Yields every record that names a group, with its member, or with null when its output is
    /// missing or unusable (that record is reported). <paramref name="counts"/> counts the records
    /// read, those without a group and those without a usable output.
    /// </summary>
    public IEnumerable<(string Group, GroupMember? Member)> Members(CheckContext context, ReadCounts counts, CancellationToken cancellationToken)
    {
        foreach (var record in context.ReadDataset(config.Dataset, cancellationToken))
        {
            counts.Read++;
            var key = GroupOf(record);
            if (key is null)
            {
                counts.WithoutGroup++;
                continue;
            }

            var values = ValuesOf(record, context);
            if (values is null)
            {
                counts.WithoutOutput++;
                yield return (key, null);
                continue;
            }

            yield return (key, new GroupMember(NameOf(record), record.File, record.Line, record.Id, config.Dataset, values));
        }
    }

    // An empty group value is treated as missing: it is more likely a gap in the data than a group.
    private string? GroupOf(DataRecord record) =>
        group.ResolveText(record.Root) is { Length: > 0 } key && !string.IsNullOrWhiteSpace(key) ? key : null;

    private string NameOf(DataRecord record)
    {
        if (record.Id is not null)
        {
            return record.Id;
        }

        var index = variant?.ResolveText(record.Root);
        return index is null ? $"line {record.Line}" : $"variant {index} (line {record.Line})";
    }

    private string[]? ValuesOf(DataRecord record, CheckContext context)
    {
        if (!output.TryResolve(record.Root, out var value) || value.ValueKind is JsonValueKind.Null)
        {
            context.Report(RuleCatalog.RequiredFieldMissing,
                $"Record has no output at '{output}', so its paraphrase group cannot compare it. Add the output, or fix the field path.",
                record, config.Dataset, output.ToJsonPointer());
            return null;
        }

        return config.Compare switch
        {
            ParaphraseComparison.Fields => FieldValues(record, value, context),
            _ => [Normalize(output.ResolveText(record.Root) ?? "")],
        };
    }

    private string[]? FieldValues(DataRecord record, JsonElement value, CheckContext context)
    {
        if (!JsonOutput.TryParse(value, out var json))
        {
            context.Report(RuleCatalog.NotJson,
                $"Output at '{output}' is not a JSON object or array, so its fields cannot be compared. Make the model return JSON, or set compare: embedding.",
                record, config.Dataset, output.ToJsonPointer());
            return null;
        }

        return [.. fields.Select(f => f.TryResolve(json, out var item) ? Normalize(Canonical(item)) : "\u0000missing")];
    }

    /// <summary>
    /// Writes a JSON value in one form per meaning: the type first (so 1 and "1" differ), numbers by
    /// value (1 equals 1.0), object keys in ordinal order (key order does not count).
    /// </summary>
    internal static string Canonical(JsonElement item)
    {
        var builder = new StringBuilder();
        AppendCanonical(builder, item);
        return builder.ToString();
    }

    private static void AppendCanonical(StringBuilder builder, JsonElement item)
    {
        switch (item.ValueKind)
        {
            case JsonValueKind.String:
                builder.Append("s:").Append(item.GetString());
                break;
            case JsonValueKind.Number:
                builder.Append("n:").Append(item.TryGetDecimal(out var exact)
                    ? (exact / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)
                    : item.GetDouble().ToString("R", CultureInfo.InvariantCulture));
                break;
            case JsonValueKind.Object:
                builder.Append('{');
                foreach (var property in item.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    builder.Append(JsonSerializer.Serialize(property.Name)).Append(':');
                    AppendCanonical(builder, property.Value);
                    builder.Append(',');
                }

                builder.Append('}');
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                foreach (var element in item.EnumerateArray())
                {
                    AppendCanonical(builder, element);
                    builder.Append(',');
                }

                builder.Append(']');
                break;
            default:
                builder.Append(item.GetRawText());
                break;
        }
    }

    private string Normalize(string text) =>
        config.IgnoreCase && config.Compare != ParaphraseComparison.Embedding ? text.Trim().ToLowerInvariant() : text;
}

/// <summary>Records the second pass read, and how many of them it could not use.</summary>
internal sealed class ReadCounts
{
    public long Read { get; set; }

    public long WithoutGroup { get; set; }

    public long WithoutOutput { get; set; }
}
