using System.Text.RegularExpressions;

namespace AnnotationGate.Embeddings.Paraphrasing;

/// <summary>
/// Meaning-keeping rewrites of a text: each returns the rewritten text, or the same text when it
/// does not apply. They change surface form only: case, punctuation, whitespace, contractions,
/// words from a small synonym table, and the order of a leading or trailing subordinate clause.
/// </summary>
internal static partial class Rewrites
{
    /// <summary>Every rewrite by name, in a fixed order.</summary>
    public static readonly IReadOnlyList<(string Name, Func<string, Random, string> Apply)> All =
    [
        ("lower-case", (text, _) => text.ToLowerInvariant()),
        ("capitalize", (text, _) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..]),
        ("final-punctuation", (text, _) => ToggleFinalPeriod(text)),
        ("whitespace", (text, random) => Whitespace(text, random)),
        ("contractions", (text, _) => Contractions(text)),
        ("synonyms", (text, random) => Synonyms(text, random)),
        ("clause-order", (text, _) => ReorderClause(text)),
    ];

    // Pairs read both ways; the left word is the form that is expanded or replaced first.
    private static readonly (string Short, string Long)[] ContractionTable =
    [
        ("can't", "cannot"), ("won't", "will not"), ("don't", "do not"), ("doesn't", "does not"),
        ("didn't", "did not"), ("isn't", "is not"), ("aren't", "are not"), ("wasn't", "was not"),
        ("weren't", "were not"), ("haven't", "have not"), ("hasn't", "has not"), ("couldn't", "could not"),
        ("shouldn't", "should not"), ("wouldn't", "would not"), ("I'm", "I am"), ("I've", "I have"),
        ("I'll", "I will"), ("I'd", "I would"), ("you're", "you are"), ("we're", "we are"),
        ("they're", "they are"), ("it's", "it is"), ("that's", "that is"), ("what's", "what is"),
        ("there's", "there is"), ("let's", "let us"),
    ];

    private static readonly (string A, string B)[] SynonymTable =
    [
        ("buy", "purchase"), ("start", "begin"), ("help", "assist"), ("change", "modify"),
        ("big", "large"), ("fast", "quick"), ("show", "display"), ("get", "obtain"),
        ("need", "require"), ("fix", "repair"), ("answer", "reply"), ("delete", "remove"),
        ("choose", "select"), ("end", "finish"), ("try", "attempt"), ("enough", "sufficient"),
        ("maybe", "perhaps"), ("often", "frequently"), ("about", "regarding"), ("wrong", "incorrect"),
    ];

    // Changes only the last character before any trailing whitespace. One final period is removed, and
    // a text ending in a letter or digit gets one. "?", "!", "..." and closing quotes stay as they are,
    // and so does Chinese, Japanese or Korean text, which ends with its own full stop rather than '.'.
    private static string ToggleFinalPeriod(string text)
    {
        var body = text.TrimEnd();
        var trailing = text[body.Length..];
        if (body.EndsWith('.'))
        {
            return body.Length > 1 && body[^2] is '.' or '?' or '!' ? text : body[..^1] + trailing;
        }

        return body.Length > 0 && char.IsLetterOrDigit(body[^1]) && !IsCjk(body[^1]) ? body + "." + trailing : text;
    }

    // CJK radicals to CJK ideographs (with kana and bopomofo), Hangul syllables, compatibility
    // ideographs, and full-width forms.
    private static bool IsCjk(char c) =>
        c is >= '\u2E80' and <= '\u9FFF'
            or >= '\uAC00' and <= '\uD7AF'
            or >= '\uF900' and <= '\uFAFF'
            or >= '\uFF00' and <= '\uFFEF';

    private static string Whitespace(string text, Random random) => random.Next(3) switch
    {
        0 => "  " + text + " ",
        1 => SpaceRun().Replace(text, "  "),
        _ => SpaceRun().Replace(text.Trim(), " "),
    };

    private static string Contractions(string text)
    {
        foreach (var (shortForm, longForm) in ContractionTable)
        {
            var expanded = ReplaceWord(text, shortForm, longForm);
            if (expanded != text)
            {
                return expanded;
            }
        }

        foreach (var (shortForm, longForm) in ContractionTable)
        {
            var contracted = ReplaceWord(text, longForm, shortForm);
            if (contracted != text)
            {
                return contracted;
            }
        }

        return text;
    }

    private static string Synonyms(string text, Random random)
    {
        var candidates = SynonymTable
            .SelectMany(pair => new[] { (From: pair.A, To: pair.B), (From: pair.B, To: pair.A) })
            .Where(pair => ReplaceWord(text, pair.From, pair.To) != text)
            .ToArray();
        if (candidates.Length == 0)
        {
            return text;
        }

        var (from, to) = candidates[random.Next(candidates.Length)];
        return ReplaceWord(text, from, to);
    }

    // "If A, B." becomes "B if A." and "B because A." becomes "Because A, B.", and other shapes stay.
    // Only a single sentence is reordered, because moving a clause across a line break or a sentence
    // end would join parts of different sentences. Whitespace around the sentence stays where it is.
    private static string ReorderClause(string text)
    {
        var sentence = text.Trim();
        if (!IsSingleSentence(sentence))
        {
            return text;
        }

        var before = text[..(text.Length - text.TrimStart().Length)];
        var after = text[(before.Length + sentence.Length)..];
        var leading = LeadingClause().Match(sentence);
        if (leading.Success)
        {
            var main = leading.Groups["main"].Value;
            return before + Capitalize(main) + " " + leading.Groups["conj"].Value.ToLowerInvariant() + " "
                + leading.Groups["clause"].Value + leading.Groups["end"].Value + after;
        }

        var trailing = TrailingClause().Match(sentence);
        if (trailing.Success)
        {
            var main = trailing.Groups["main"].Value;
            return before + Capitalize(trailing.Groups["conj"].Value) + " " + trailing.Groups["clause"].Value + ", "
                + LowerFirst(main) + trailing.Groups["end"].Value + after;
        }

        return text;
    }

    // True for a text on one line with no sentence terminator before its final one.
    private static bool IsSingleSentence(string sentence)
    {
        var body = sentence.TrimEnd('.', '?', '!');
        return body.Length > 0 && body.IndexOfAny(['.', '?', '!', '\n', '\r']) < 0;
    }

    /// <summary>Replaces whole-word, case-insensitive occurrences, keeping a leading capital.</summary>
    private static string ReplaceWord(string text, string from, string to) =>
        Regex.Replace(
            text,
            $@"(?<![\w']){Regex.Escape(from)}(?![\w'])",
            match => char.IsUpper(match.Value[0]) && !char.IsUpper(to[0]) ? Capitalize(to) : to,
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    // Keeps "I" and acronyms such as "API" as they are.
    private static string LowerFirst(string text) =>
        text.Length < 2 || char.IsUpper(text[1]) || text.StartsWith("I ", StringComparison.Ordinal)
            ? text
            : char.ToLowerInvariant(text[0]) + text[1..];

    [GeneratedRegex(@"^(?<conj>If|When|Because|Although|Once)\s+(?<clause>[^,.;?!]+),\s*(?<main>[^,.;?!]+?)(?<end>[.?!]?)$",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LeadingClause();

    [GeneratedRegex(@"^(?<main>[^,.;?!]+?)\s+(?<conj>if|when|because|although|once)\s+(?<clause>[^,.;?!]+?)(?<end>[.?!]?)$",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TrailingClause();

    [GeneratedRegex(@" +", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SpaceRun();
}
