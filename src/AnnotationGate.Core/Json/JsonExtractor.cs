using System.Text;
using System.Text.Json;
using AnnotationGate.Core.Configuration;

namespace AnnotationGate.Core.Json;

/// <summary>
/// Takes the JSON value out of a model output in one of three modes: strict (the whole output is one
/// JSON value), fenced (the whole trimmed output is one <c>```json</c> or bare <c>```</c> block) or
/// embedded (exactly one JSON object or array somewhere in the text, not counting citations such as
/// <c>[1]</c> in the prose). A failure carries its reason,
/// a rule code and a short quote of the offending text. Thread-safe.
/// </summary>
public static class JsonExtractor
{
    private const string Fence = "```";
    private const int ExcerptLength = 40;
    private const string OnlyJson = "Have the model return only the JSON, or set json: embedded.";
    private const string OnlyFencedJson = "Have the model return only the fenced JSON, or set json: embedded.";

    /// <summary>Maximum JSON values the embedded scan counts before it stops.</summary>
    private const int MaxValuesCounted = 20;

    /// <summary>Maximum numbers in an array that embedded mode may take for a prose citation, such as [1, 2].</summary>
    private const int MaxCitationNumbers = 8;

    /// <summary>Extracts the one JSON value of <paramref name="text"/> as <paramref name="mode"/> requires.</summary>
    public static JsonExtractionResult Extract(string text, JsonExtraction mode)
    {
        ArgumentNullException.ThrowIfNull(text);
        return mode switch
        {
            JsonExtraction.Strict => ExtractStrict(text.Trim()),
            JsonExtraction.Fenced => ExtractFenced(text.Trim()),
            JsonExtraction.Embedded => ExtractEmbedded(text),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown extraction mode."),
        };
    }

    private static JsonExtractionResult ExtractStrict(string trimmed)
    {
        if (TryParse(trimmed, out var value, out var parseError))
        {
            return JsonExtractionResult.Success(value);
        }

        if (trimmed.StartsWith(Fence, StringComparison.Ordinal)
            && ParseFence(trimmed) is { Closed: true, TextAfter: "" } fence
            && TryParse(fence.Content, out _, out _))
        {
            return JsonExtractionResult.Failure(JsonExtractionError.FencedInStrictMode,
                "The output is valid JSON inside a code fence, but strict mode requires bare JSON "
                + $"(the fence opens with '{Quote(fence.OpeningLine)}'). "
                + "Have the model return the JSON alone, or set json: fenced.");
        }

        return Classify(trimmed, parseError, "strict mode requires the whole output to be one JSON value");
    }

    private static JsonExtractionResult ExtractFenced(string trimmed)
    {
        var fenceAt = trimmed.IndexOf(Fence, StringComparison.Ordinal);
        if (fenceAt < 0)
        {
            var found = TryParse(trimmed, out _, out _)
                ? "bare JSON without a fence"
                : $"'{Quote(trimmed)}', with no code fence";
            return JsonExtractionResult.Failure(JsonExtractionError.NotJson,
                $"The output is {found}, but json: fenced requires one ```json block around the whole output. "
                + "Fence the JSON, or set json: strict or json: embedded.");
        }

        if (fenceAt > 0)
        {
            return TextAround(trimmed[..fenceAt], "before the code fence", OnlyFencedJson);
        }

        return ExtractFromFence(ParseFence(trimmed));
    }

    private static JsonExtractionResult ExtractFromFence(FenceParts fence)
    {
        if (!fence.Closed)
        {
            return JsonExtractionResult.Failure(JsonExtractionError.NotJson,
                $"The code fence '{Quote(fence.OpeningLine)}' is never closed with ```. "
                + "Close the fence after the JSON.");
        }

        if (fence.Info.Length > 0 && !fence.Info.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            return JsonExtractionResult.Failure(JsonExtractionError.NotAJsonFence,
                $"The output is fenced as '{Quote(fence.Info)}', not as JSON ('{Quote(fence.OpeningLine)}'). "
                + "Have the model use a ```json fence or a bare ``` fence.");
        }

        if (fence.TextAfter.Length > 0)
        {
            var second = fence.TextAfter.Contains(Fence, StringComparison.Ordinal);
            return second
                ? JsonExtractionResult.Failure(JsonExtractionError.SeveralJsonValues,
                    $"The output holds several code fences (the second near '{Quote(fence.TextAfter)}'); "
                    + "exactly one ```json block is expected. "
                    + "Have the model return one JSON value.")
                : TextAround(fence.TextAfter, "after the code fence", OnlyFencedJson);
        }

        if (TryParse(fence.Content, out var value, out var parseError))
        {
            return JsonExtractionResult.Success(value);
        }

        return Classify(fence.Content.Trim(), parseError, "the code fence must hold exactly one JSON value");
    }

    private static JsonExtractionResult ExtractEmbedded(string text)
    {
        var trimmed = text.Trim();
        if (TryParse(trimmed, out var whole, out _))
        {
            return JsonExtractionResult.Success(whole);
        }

        var values = WithoutProseCitations(trimmed, FindValues(trimmed));
        return values.Count switch
        {
            0 => JsonExtractionResult.Failure(JsonExtractionError.NotJson,
                $"No JSON object or array was found in the output '{Quote(trimmed)}'. "
                + "Have the model include one JSON value."),
            1 => JsonExtractionResult.Success(values[0].Value),
            _ => SeveralValues(trimmed, values),
        };
    }

    /// <summary>
    /// Drops the candidates that are citations in prose, such as <c>[1]</c> in
    /// "as shown in [1]", when another candidate remains. See <see cref="IsProseCitation"/>.
    /// </summary>
    private static List<(int Start, int End, JsonElement Value)> WithoutProseCitations(
        string text, List<(int Start, int End, JsonElement Value)> values)
    {
        var withoutCitations = values.Where(v => !IsProseCitation(text, v.Start, v.End, v.Value)).ToList();
        return withoutCitations.Count > 0 ? withoutCitations : values;
    }

    /// <summary>
    /// True for an array of 1 to <see cref="MaxCitationNumbers"/> numbers on one line whose nearest
    /// non-blank neighbour on that line, left or right, is prose or another bracket: any character but
    /// a brace or a quote. So <c>see [1].</c>, <c>[2] Smith, 2021</c> and <c>[1][2]</c> after a word are
    /// citations, while <c>[3]</c> alone on its line or right after a JSON object is a value. Arrays of
    /// strings never are, because a model may return one beside an object on purpose.
    /// </summary>
    private static bool IsProseCitation(string text, int start, int end, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array || text.AsSpan(start, end - start).Contains('\n'))
        {
            return false;
        }

        var length = value.GetArrayLength();
        if (length is 0 or > MaxCitationNumbers
            || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Number))
        {
            return false;
        }

        return IsProse(NeighbourOnLine(text, start - 1, step: -1)) || IsProse(NeighbourOnLine(text, end, step: 1));
    }

    /// <summary>
    /// Returns the first character from <paramref name="from"/> on that is not a space or a tab, or null
    /// at a line break or the end of the text.
    /// </summary>
    private static char? NeighbourOnLine(string text, int from, int step)
    {
        for (var i = from; i >= 0 && i < text.Length; i += step)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                return null;
            }

            if (c is not (' ' or '\t'))
            {
                return c;
            }
        }

        return null;
    }

    private static bool IsProse(char? neighbour) => neighbour is { } c && c is not ('{' or '}' or '"');

    /// <summary>
    /// Explains why text that is not one JSON value failed: several values, text around one, or no JSON.
    /// </summary>
    private static JsonExtractionResult Classify(string trimmed, JsonException? parseError, string requirement)
    {
        var values = FindValues(trimmed);
        if (values.Count >= 2)
        {
            return SeveralValues(trimmed, values);
        }

        if (values.Count == 1)
        {
            var (start, end, _) = values[0];
            var before = trimmed[..start].Trim();
            return before.Length > 0
                ? TextAround(before, "before the JSON value", OnlyJson)
                : TextAround(trimmed[end..].Trim(), "after the JSON value", OnlyJson);
        }

        var where = parseError is { LineNumber: { } line, BytePositionInLine: { } position }
            ? $" (invalid at line {line + 1}, byte {position + 1})"
            : "";
        return JsonExtractionResult.Failure(JsonExtractionError.NotJson,
            $"The output is not JSON{where}: it starts with '{Quote(trimmed)}', and {requirement}. "
            + "Have the model return a JSON value.");
    }

    private static JsonExtractionResult SeveralValues(string text, List<(int Start, int End, JsonElement Value)> values)
    {
        var count = values.Count >= MaxValuesCounted
            ? $"{MaxValuesCounted} or more"
            : values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var first = text[values[0].Start..values[0].End];
        var second = text[values[1].Start..values[1].End];
        return JsonExtractionResult.Failure(JsonExtractionError.SeveralJsonValues,
            $"The output holds {count} JSON values ('{Quote(first)}' and '{Quote(second)}'); exactly one is expected. "
            + "Have the model return a single JSON value.");
    }

    private static JsonExtractionResult TextAround(string text, string where, string fix) =>
        JsonExtractionResult.Failure(JsonExtractionError.TextAroundJson,
            $"The output has text {where}: '{Quote(text.Trim())}'. {fix}");

    private static bool TryParse(string text, out JsonElement value, out JsonException? error)
    {
        error = null;
        value = default;
        if (text.Length == 0)
        {
            return false;
        }

        try
        {
            // A repeated key is invalid here, as in records: parsers disagree on which value wins.
            value = JsonElement.Parse(text, new JsonDocumentOptions { AllowDuplicateProperties = false });
            return true;
        }
        catch (JsonException ex)
        {
            error = ex;
            return false;
        }
    }

    /// <summary>
    /// Finds the top-level JSON objects and arrays in <paramref name="text"/>: each <c>{</c> or <c>[</c>
    /// starts a candidate whose matching bracket is found while skipping strings and their escapes; a
    /// candidate that parses is a value, and scanning resumes after it.
    /// </summary>
    // NOTE: a candidate that does not parse is rescanned from its next character. Text made of
    // thousands of unclosed brackets therefore costs quadratic time, which short model outputs avoid.
    private static List<(int Start, int End, JsonElement Value)> FindValues(string text)
    {
        var values = new List<(int, int, JsonElement)>();
        var i = 0;
        while (i < text.Length && values.Count < MaxValuesCounted)
        {
            if (text[i] is '{' or '[' && MatchingBracket(text, i) is var end and >= 0
                && TryParse(text[i..(end + 1)], out var value, out _))
            {
                values.Add((i, end + 1, value));
                i = end + 1;
                continue;
            }

            i++;
        }

        return values;
    }

    /// <summary>Returns the index of the bracket that closes the one at <paramref name="start"/>, or -1.</summary>
    private static int MatchingBracket(string text, int start)
    {
        var open = new Stack<char>();
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                i = EndOfString(text, i);
                if (i < 0)
                {
                    return -1;
                }
            }
            else if (c is '{' or '[')
            {
                open.Push(c == '{' ? '}' : ']');
            }
            else if (c is '}' or ']')
            {
                if (open.Pop() != c)
                {
                    return -1;
                }

                if (open.Count == 0)
                {
                    return i;
                }
            }
        }

        return -1;
    }

    /// <summary>Returns the index of the quote that closes the string at <paramref name="quote"/>, or -1.</summary>
    private static int EndOfString(string text, int quote)
    {
        for (var i = quote + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                return i;
            }
        }

        return -1;
    }

    private static FenceParts ParseFence(string trimmed)
    {
        var ticks = 0;
        while (ticks < trimmed.Length && trimmed[ticks] == '`')
        {
            ticks++;
        }

        var newline = trimmed.IndexOf('\n', ticks);
        if (newline < 0)
        {
            return new FenceParts(trimmed, trimmed[ticks..].Trim(), "", Closed: false, "");
        }

        var openingLine = trimmed[..newline].TrimEnd();
        var info = trimmed[ticks..newline].Trim();
        var close = FindClosingFence(trimmed, newline + 1, ticks);
        if (close < 0)
        {
            return new FenceParts(openingLine, info, trimmed[(newline + 1)..], Closed: false, "");
        }

        var afterClose = close;
        while (afterClose < trimmed.Length && trimmed[afterClose] == '`')
        {
            afterClose++;
        }

        var content = trimmed[(newline + 1)..close];
        return new FenceParts(openingLine, info, content, Closed: true, trimmed[afterClose..].Trim());
    }

    /// <summary>
    /// Returns the start of the first line at or after <paramref name="from"/> that is a closing fence, or -1.
    /// </summary>
    private static int FindClosingFence(string text, int from, int ticks)
    {
        var fence = new string('`', ticks);
        var lineStart = from;
        while (lineStart <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            var line = (lineEnd < 0 ? text[lineStart..] : text[lineStart..lineEnd]).Trim();
            if (line.StartsWith(fence, StringComparison.Ordinal) && line.Trim('`').Length == 0)
            {
                return text.IndexOf(fence, lineStart, StringComparison.Ordinal);
            }

            if (lineEnd < 0)
            {
                return -1;
            }

            lineStart = lineEnd + 1;
        }

        return -1;
    }

    /// <summary>Returns a short, single-line excerpt of <paramref name="text"/> for a message.</summary>
    internal static string Quote(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (builder.Length >= ExcerptLength)
            {
                return builder.Append('…').ToString();
            }

            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    private sealed record FenceParts(string OpeningLine, string Info, string Content, bool Closed, string TextAfter);
}
