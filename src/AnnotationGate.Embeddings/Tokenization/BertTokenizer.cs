using System.Globalization;
using System.Text;

namespace AnnotationGate.Embeddings.Tokenization;

/// <summary>
/// BERT uncased tokenizer: the reference basic tokenizer (clean control characters, split on every
/// whitespace character, split CJK ideographs, lower-case, strip accents, split punctuation) followed
/// by greedy longest-match WordPiece over a vocabulary. Thread-safe once built.
/// </summary>
public sealed class BertTokenizer
{
    /// <summary>Words longer than this many characters become <c>[UNK]</c>, as in the reference.</summary>
    public const int MaxCharactersPerWord = 100;

    private readonly Dictionary<string, int> _vocabulary;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Builds the tokenizer from vocabulary lines; line N (from 0) is token id N.</summary>
    public BertTokenizer(IEnumerable<string> vocabularyLines)
    {
        _vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in vocabularyLines)
        {
            _vocabulary.TryAdd(line.TrimEnd('\r', '\n'), _vocabulary.Count);
        }

        _lookup = _vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        UnknownId = IdOf("[UNK]");
        ClassifierId = IdOf("[CLS]");
        SeparatorId = IdOf("[SEP]");
    }

    /// <summary>Settings that change the token ids; part of every embedding cache key.</summary>
    public static string Settings => "bert-basic-uncased;strip-accents;cjk;wordpiece-100";

    public int UnknownId { get; }

    public int ClassifierId { get; }

    public int SeparatorId { get; }

    public int VocabularySize => _vocabulary.Count;

    /// <summary>Reads a <c>vocab.txt</c> stream (one token per line, LF or CRLF).</summary>
    public static BertTokenizer FromStream(Stream vocabulary)
    {
        using var reader = new StreamReader(vocabulary, Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return new BertTokenizer(lines);
    }

    /// <summary>
    /// Returns the model input for one text: <c>[CLS]</c>, the word pieces and <c>[SEP]</c>, cut to
    /// <paramref name="maxTokens"/> ids in all; <see cref="TokenizedText.Truncated"/> tells whether
    /// pieces were dropped.
    /// </summary>
    public TokenizedText Encode(string text, int maxTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 2);
        var ids = new List<long>(Math.Min(maxTokens, text.Length + 2)) { ClassifierId };
        var truncated = false;
        foreach (var piece in WordPieceIds(text))
        {
            if (ids.Count == maxTokens - 1)
            {
                truncated = true;
                break;
            }

            ids.Add(piece);
        }

        ids.Add(SeparatorId);
        return new TokenizedText([.. ids], truncated);
    }

    /// <summary>Returns the word-piece ids of a text, without special tokens.</summary>
    public IEnumerable<int> WordPieceIds(string text)
    {
        foreach (var word in BasicTokens(text))
        {
            foreach (var id in WordPiece(word))
            {
                yield return id;
            }
        }
    }

    /// <summary>Returns the word-piece strings of a text, for tests and diagnostics.</summary>
    public IReadOnlyList<string> Tokenize(string text)
    {
        var byId = _vocabulary.ToDictionary(kv => kv.Value, kv => kv.Key);
        return [.. WordPieceIds(text).Select(id => byId[id])];
    }

    /// <summary>Returns the id of a vocabulary entry, or throws when the vocabulary lacks it.</summary>
    public int IdOf(string token) =>
        _vocabulary.TryGetValue(token, out var id)
            ? id
            : throw new InvalidDataException($"The vocabulary has no entry '{token}'. Use a BERT vocab.txt file.");

    /// <summary>Splits text as the reference BERT basic tokenizer does, lower-cased and without accents.</summary>
    public static IEnumerable<string> BasicTokens(string text)
    {
        var cleaned = Normalize(text);
        var word = new StringBuilder();
        foreach (var rune in cleaned.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }
            }
            else if (IsPunctuation(rune) || IsCjkIdeograph(rune))
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                yield return rune.ToString();
            }
            else
            {
                word.Append(rune.ToString());
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    /// <summary>
    /// Drops NUL, U+FFFD and control characters (tab, line feed and carriage return become spaces),
    /// lower-cases, then removes non-spacing marks after canonical decomposition (<c>naïve</c> to
    /// <c>naive</c>).
    /// </summary>
    internal static string Normalize(string text)
    {
        var cleaned = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is '\t' or '\n' or '\r' || Rune.GetUnicodeCategory(rune) == UnicodeCategory.SpaceSeparator)
            {
                cleaned.Append(' ');
            }
            else if (rune.Value is not (0 or 0xFFFD) && !IsControl(rune))
            {
                cleaned.Append(rune.ToString());
            }
        }

        var decomposed = cleaned.ToString().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var stripped = new StringBuilder(decomposed.Length);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.NonSpacingMark)
            {
                stripped.Append(rune.ToString());
            }
        }

        return stripped.ToString();
    }

    private List<int> WordPiece(string word)
    {
        if (word.Length > MaxCharactersPerWord)
        {
            return [UnknownId];
        }

        var pieces = new List<int>();
        var start = 0;
        Span<char> buffer = stackalloc char[MaxCharactersPerWord + 2];
        while (start < word.Length)
        {
            var id = LongestPiece(word, start, buffer, out var end);
            if (id < 0)
            {
                return [UnknownId];
            }

            pieces.Add(id);
            start = end;
        }

        return pieces;
    }

    private int LongestPiece(string word, int start, Span<char> buffer, out int end)
    {
        var prefix = start > 0 ? 2 : 0;
        if (prefix > 0)
        {
            buffer[0] = '#';
            buffer[1] = '#';
        }

        for (end = word.Length; end > start; end--)
        {
            if (end < word.Length && char.IsLowSurrogate(word[end]))
            {
                continue;
            }

            var length = end - start;
            word.AsSpan(start, length).CopyTo(buffer[prefix..]);
            if (_lookup.TryGetValue(buffer[..(prefix + length)], out var id))
            {
                return id;
            }
        }

        return -1;
    }

    // The reference treats every category C* character as control, except tab, line feed and
    // carriage return, which it reads as whitespace. Vertical tab and form feed are Cc, so they are
    // removed rather than separating words, exactly as the reference does.
    private static bool IsControl(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
        or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;

    // ASCII symbols count as punctuation even where Unicode calls them symbols ($, +, <, =, >, ^, `, |, ~).
    private static bool IsPunctuation(Rune rune)
    {
        var value = rune.Value;
        if (value is (>= 33 and <= 47) or (>= 58 and <= 64) or (>= 91 and <= 96) or (>= 123 and <= 126))
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.ConnectorPunctuation
            or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;
    }

    // The CJK Unified Ideographs blocks the reference splits; Hangul and kana are not among them.
    internal static bool IsCjkIdeograph(Rune rune) => rune.Value is
        (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x2A6DF)
        or (>= 0x2A700 and <= 0x2B73F) or (>= 0x2B740 and <= 0x2B81F) or (>= 0x2B820 and <= 0x2CEAF)
        or (>= 0xF900 and <= 0xFAFF) or (>= 0x2F800 and <= 0x2FA1F);
}

/// <summary>Token ids of one text, with <c>[CLS]</c> and <c>[SEP]</c>, and whether pieces were cut.</summary>
public sealed record TokenizedText(long[] Ids, bool Truncated);
