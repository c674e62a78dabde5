using System.Globalization;
using System.Text;
using AnnotationGate.Core.Configuration;
using Microsoft.ML.Tokenizers;

namespace AnnotationGate.Core.Text;

/// <summary>
/// Measures the length of a text in one of the units of <see cref="LengthUnit"/>. Every method is
/// thread-safe, and all but the token count allocate nothing.
/// </summary>
public static class TextLength
{
    /// <summary>
    /// Measures <paramref name="text"/> in <paramref name="unit"/>. The <paramref name="tokenizer"/> is
    /// required for <see cref="LengthUnit.Tokens"/> and ignored for the other units.
    /// </summary>
    public static long Measure(string text, LengthUnit unit, Tokenizer? tokenizer = null) => unit switch
    {
        LengthUnit.Graphemes => Graphemes(text),
        LengthUnit.CodePoints => CodePoints(text),
        LengthUnit.Utf16 => Utf16(text),
        LengthUnit.Utf8Bytes => Utf8Bytes(text),
        LengthUnit.Words => Words(text),
        LengthUnit.Tokens => Tokens(text, tokenizer ?? throw new ArgumentNullException(nameof(tokenizer))),
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown length unit."),
    };

    /// <summary>
    /// Counts user-perceived characters: extended grapheme clusters as defined by Unicode UAX #29, which
    /// .NET implements since .NET 5. A skin-toned or ZWJ emoji sequence and a letter with combining
    /// accents each count as 1.
    /// </summary>
    public static int Graphemes(ReadOnlySpan<char> text)
    {
        var count = 0;
        while (!text.IsEmpty)
        {
            text = text[NextGraphemeLength(text)..];
            count++;
        }

        return count;
    }

    /// <summary>
    /// Counts Unicode code points (runes). A valid surrogate pair counts as 1. A lone surrogate is not a code
    /// point, but counts as 1 as well, as the U+FFFD that replaces it when the text is encoded would.
    /// </summary>
    public static int CodePoints(ReadOnlySpan<char> text)
    {
        var count = text.Length;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }

    /// <summary>Counts UTF-16 code units, the <see cref="string.Length"/> of .NET and JavaScript.</summary>
    public static int Utf16(ReadOnlySpan<char> text) => text.Length;

    /// <summary>Counts the bytes of the UTF-8 encoding. A lone surrogate counts as U+FFFD, which is 3 bytes.</summary>
    public static int Utf8Bytes(ReadOnlySpan<char> text) => Encoding.UTF8.GetByteCount(text);

    /// <summary>Counts words by the rule of <see cref="WordCounter"/>.</summary>
    public static int Words(ReadOnlySpan<char> text) => WordCounter.Count(text);

    /// <summary>Counts the tokens <paramref name="tokenizer"/> encodes <paramref name="text"/> into.</summary>
    public static int Tokens(string text, Tokenizer tokenizer) => tokenizer.CountTokens(text);

    /// <summary>
    /// Returns the length of the first grapheme cluster. Between two ASCII characters UAX #29 always breaks,
    /// except inside CR LF, so that common case skips the general algorithm, which is several times slower.
    /// </summary>
    private static int NextGraphemeLength(ReadOnlySpan<char> text)
    {
        if (text.Length == 1 || (char.IsAscii(text[0]) && char.IsAscii(text[1])))
        {
            return text.Length > 1 && text[0] == '\r' && text[1] == '\n' ? 2 : 1;
        }

        return StringInfo.GetNextTextElementLength(text);
    }
}
