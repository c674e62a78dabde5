using System.Text.Json;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;
using AnnotationGate.Core.Findings;

namespace AnnotationGate.Core.Checks.Paraphrase;

/// <summary>
/// Reads the check's dataset once and keeps, per paraphrase group, each record's location and its
/// compared value. Records without a group are skipped; records without a usable output are reported.
/// </summary>
internal sealed class GroupCollector(
    ParaphraseCheckConfig config, FieldPath output, FieldPath group, FieldPath? variant, FieldPath[] fields)
{
    /// <summary>Groups in the order their first record appears, and the count of records skipped.</summary>
    public (Dictionary<string, List<GroupMember>> Groups, long Skipped) Collect(CheckContext context, CancellationToken cancellationToken)
    {
        var groups = new Dictionary<string, List<GroupMember>>(StringComparer.Ordinal);
        var skipped = 0L;
        foreach (var record in context.ReadDataset(config.Dataset, cancellationToken))
        {
            var key = group.ResolveText(record.Root);
            var values = key is null ? null : ValuesOf(record, context);
            if (key is null || values is null)
            {
                skipped++;
                continue;
            }

            if (!groups.TryGetValue(key, out var members))
            {
                groups[key] = members = [];
            }

            members.Add(new GroupMember(NameOf(record), record.File, record.Line, record.Id, config.Dataset, values));
        }

        return (groups, skipped);
    }

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

    private static string Canonical(JsonElement item) =>
        item.ValueKind == JsonValueKind.String ? item.GetString()! : JsonSerializer.Serialize(item);

    private string Normalize(string text) =>
        config.IgnoreCase && config.Compare != ParaphraseComparison.Embedding ? text.Trim().ToLowerInvariant() : text;
}
