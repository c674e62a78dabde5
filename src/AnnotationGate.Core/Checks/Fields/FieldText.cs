using System.Text.Json;
using AnnotationGate.Core.Data;
using AnnotationGate.Core.Findings;

namespace AnnotationGate.Core.Checks.Fields;

/// <summary>
/// Reads the text a check measures or matches. Strings are used as they are, numbers and booleans in their
/// JSON spelling. A missing field, null, an object or an array is reported as
/// <see cref="RuleCatalog.ValueNotText"/>, and the record fails rather than being skipped.
/// </summary>
internal static class FieldText
{
    /// <summary>
    /// Returns the field's text, or reports why there is none and returns false.
    /// <paramref name="purpose"/> names what the check does with it, such as "measure its length".
    /// </summary>
    public static bool TryRead(
        FieldUsage field,
        DataRecord record,
        CheckContext context,
        string dataset,
        string purpose,
        out string text)
    {
        text = "";
        if (!field.TryResolve(record, out var value))
        {
            Report(field, record, context, dataset,
                $"Field '{field.Path}' is missing from this record, so the check cannot {purpose}. " +
                "Add the field to the record, or fix the field path.");
            return false;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                text = value.GetString()!;
                return true;
            case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                text = value.GetRawText();
                return true;
            case JsonValueKind.Null:
                Report(field, record, context, dataset,
                    $"Field '{field.Path}' is null, so the check cannot {purpose}. Put text in the field.");
                return false;
            default:
                var kind = value.ValueKind == JsonValueKind.Object ? "an object" : "an array";
                Report(field, record, context, dataset,
                    $"Field '{field.Path}' holds {kind}; point the field at a text value inside it.");
                return false;
        }
    }

    private static void Report(
        FieldUsage field, DataRecord record, CheckContext context, string dataset, string message) =>
        context.Report(RuleCatalog.ValueNotText, message, record, dataset, field.Path.ToJsonPointer());
}
