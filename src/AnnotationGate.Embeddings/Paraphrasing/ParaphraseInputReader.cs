using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AnnotationGate.Core.Data;

namespace AnnotationGate.Embeddings.Paraphrasing;

/// <summary>
/// Reads the inputs of <see cref="ParaphraseGenerator"/> from a JSONL file: one JSON object per line
/// with the text and id fields named by <see cref="ParaphraseOptions"/>. Blank lines are skipped.
/// </summary>
public static partial class ParaphraseInputReader
{
    private const int MaxListed = 5;

    /// <summary>
    /// Reads every input of <paramref name="path"/>. Throws <see cref="InvalidDataException"/> naming
    /// the file and line of an input that is not a JSON object, has no text or an empty text, and
    /// naming the ids that repeat or, when <see cref="ParaphraseOptions.RequireIds"/> is set, the
    /// inputs without an id.
    /// </summary>
    public static IReadOnlyList<ParaphraseInput> Read(string path, ParaphraseOptions options)
    {
        var textPath = FieldPath.Parse(options.TextField);
        var idPath = FieldPath.Parse(options.IdField);
        var inputs = new List<ParaphraseInput>();
        var lines = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var linesWithoutId = new List<int>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var (input, hasId) = ParseInput(path, lineNumber, line, textPath, idPath);
            inputs.Add(input);
            if (!hasId)
            {
                linesWithoutId.Add(lineNumber);
            }

            if (!lines.TryGetValue(input.Id, out var seen))
            {
                lines[input.Id] = seen = [];
            }

            seen.Add(lineNumber);
        }

        if (options.RequireIds)
        {
            ThrowOnMissingIds(path, options.IdField, linesWithoutId, inputs.Count);
        }

        ThrowOnRepeatedIds(path, options.IdField, lines);
        return inputs;
    }

    private static (ParaphraseInput Input, bool HasId) ParseInput(
        string path, int lineNumber, string line, FieldPath textPath, FieldPath idPath)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException(
                $"{Position(path, lineNumber)}: the line is not valid JSON: {PlainReason(ex)}. "
                + "Write one JSON object per line.",
                ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException(
                    $"{Position(path, lineNumber)}: the line is a JSON {KindName(root.ValueKind)}, not a JSON object. "
                    + """Write one JSON object per line, such as {"id": "q1", "text": "How do I reset my password?"}.""");
            }

            var text = textPath.ResolveText(root)
                ?? throw new InvalidDataException(
                    $"{Position(path, lineNumber)}: the record has no text at '{textPath}'. "
                    + "Add the field, or pass the field path that holds the input text.");
            // Format characters such as the zero-width space are removed by the tokenizer, so a text of
            // only those and whitespace reaches the model empty.
            if (text.All(c => char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format))
            {
                throw new InvalidDataException(
                    $"{Position(path, lineNumber)}: the text at '{textPath}' is empty or only whitespace, "
                    + "so there is nothing to paraphrase. Fill in the text or remove the line.");
            }

            var id = idPath.ResolveText(root);
            return (new ParaphraseInput(id ?? $"line-{Number(lineNumber)}", text), id is not null);
        }
    }

    private static void ThrowOnMissingIds(string path, string idField, List<int> linesWithoutId, int inputCount)
    {
        if (linesWithoutId.Count == 0)
        {
            return;
        }

        throw new InvalidDataException(
            $"{path}: {Number(linesWithoutId.Count)} of {Number(inputCount)} input(s) have no id at '{idField}' "
            + $"({LineList(linesWithoutId)}). Add the field to every input, pass the --id-field that holds the ids, "
            + "or leave out --id-field so that an input without an 'id' field gets the id line-N.");
    }

    // Each id names a paraphrase group, so two inputs with one id would silently become one group.
    private static void ThrowOnRepeatedIds(string path, string idField, Dictionary<string, List<int>> lines)
    {
        var repeated = lines.Where(l => l.Value.Count > 1).ToList();
        if (repeated.Count == 0)
        {
            return;
        }

        var examples = string.Join("; ", repeated.Take(MaxListed).Select(r => $"'{r.Key}' on {LineList(r.Value)}"));
        var more = repeated.Count > MaxListed ? $" ({Number(repeated.Count)} ids repeat in all)" : "";
        throw new InvalidDataException(
            $"{path}: {Number(repeated.Count)} input id(s) at '{idField}' repeat, and each id names one paraphrase group: "
            + $"{examples}{more}. Give every input its own id, or pass --id-field with a field that is unique.");
    }

    private static string LineList(List<int> lineNumbers)
    {
        var listed = string.Join(", ", lineNumbers.Take(MaxListed).Select(Number));
        var word = lineNumbers.Count == 1 ? "line" : "lines";
        return lineNumbers.Count > MaxListed
            ? $"{word} {listed} and {Number(lineNumbers.Count - MaxListed)} more"
            : $"{word} {listed}";
    }

    // System.Text.Json ends its messages with "LineNumber: 0 | BytePositionInLine: 0.", a position inside
    // the one-line document. The message already names the line, so the position is removed.
    private static string PlainReason(JsonException exception)
    {
        var reason = JsonPosition().Replace(exception.Message, "").Trim();
        return reason.TrimEnd('.');
    }

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    private static string Position(string path, int lineNumber) => $"{path}({Number(lineNumber)})";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\s*LineNumber: \d+ \| BytePositionInLine: \d+\.?", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex JsonPosition();
}
