using System.Globalization;
using System.Text;

namespace AnnotationGate.Core.Text;

/// <summary>
/// Counts words with a rule that works for text with and without spaces:
/// <list type="bullet">
/// <item>A word is a maximal run of letters, digits and connector punctuation (such as <c>_</c>), with the
/// combining marks inside it. A combining mark or variation selector never starts a word. An apostrophe
/// (<c>'</c> or <c>’</c>) between two such characters stays inside the word (<c>don't</c> is 1 word), and
/// so does a <c>.</c> or <c>,</c> between two digits (<c>3.14</c> and <c>1,000</c> are 1 word each).</item>
/// <item>Everything else separates words: spaces, line breaks, hyphens (<c>well-known</c> is 2 words, as in
/// Unicode UAX #29 word boundaries), other punctuation, symbols and emoji. Symbols and emoji are not words.</item>
/// <item>Each Han ideograph (with <c>々</c> and <c>〇</c>), Hiragana or Katakana character (with <c>ー</c>) and
/// precomposed Hangul syllable is one word on its own, so a 13-character Chinese sentence is 13 words.
/// Combining marks after it (such as the kana voicing marks) belong to it.</item>
/// <item>In Thai, Lao, Khmer and Myanmar, and for conjoining Hangul jamo, each grapheme cluster that starts
/// with a letter is one word; digits of these scripts form runs as above.</item>
/// </list>
/// </summary>
/// <remarks>
/// NOTE: Thai, Lao, Khmer and Myanmar are written without spaces between words, and finding the words needs
/// a dictionary, which .NET does not ship. Counting grapheme clusters over-counts their words, since a word
/// usually spans several clusters; bound such text in graphemes or tokens when the word count matters.
/// Korean is written with spaces, but counts one word per syllable so that every Hangul text counts alike.
/// </remarks>
public static class WordCounter
{
    /// <summary>Counts the words of <paramref name="text"/>; an empty or blank text has 0.</summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        var previous = default(Rune);
        var i = 0;
        while (i < text.Length)
        {
            Rune.DecodeFromUtf16(text[i..], out var rune, out var consumed);
            var kind = Classify(rune);
            switch (kind)
            {
                case CharKind.Standalone:
                    count++;
                    inWord = false;
                    break;
                case CharKind.Cluster:
                    count++;
                    inWord = false;
                    consumed = StringInfo.GetNextTextElementLength(text[i..]);
                    break;
                case CharKind.Mark:
                    // A combining mark or variation selector belongs to what precedes it and starts no word.
                    break;
                case CharKind.Word:
                    count += inWord ? 0 : 1;
                    inWord = true;
                    break;
                default:
                    inWord = inWord && JoinsWord(rune, previous, text[(i + consumed)..]);
                    break;
            }

            previous = rune;
            i += consumed;
        }

        return count;
    }

    /// <summary>Tells whether a separator at this spot is an apostrophe inside a word or a digit separator.</summary>
    private static bool JoinsWord(Rune separator, Rune previous, ReadOnlySpan<char> rest)
    {
        if (rest.IsEmpty)
        {
            return false;
        }

        Rune.DecodeFromUtf16(rest, out var next, out _);
        if (separator.Value is '\'' or '\u2019')
        {
            return Classify(next) is CharKind.Word;
        }

        if (separator.Value is '.' or ',')
        {
            return Rune.IsDigit(previous) && Rune.IsDigit(next);
        }

        return false;
    }

    private static CharKind Classify(Rune rune)
    {
        var value = rune.Value;
        if (value < 0x80)
        {
            return char.IsAsciiLetterOrDigit((char)value) || value == '_' ? CharKind.Word : CharKind.Separator;
        }

        if (IsStandalone(value))
        {
            return CharKind.Standalone;
        }

        var category = Rune.GetUnicodeCategory(rune);
        if (IsClusterScript(value) && category is UnicodeCategory.OtherLetter or UnicodeCategory.ModifierLetter
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
        {
            return CharKind.Cluster;
        }

        return category switch
        {
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.EnclosingMark => CharKind.Mark,
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber
                or UnicodeCategory.OtherNumber or UnicodeCategory.ConnectorPunctuation => CharKind.Word,
            _ => CharKind.Separator,
        };
    }

    /// <summary>Han ideographs, kana and precomposed Hangul syllables: one word per character.</summary>
    private static bool IsStandalone(int value) =>
        value is >= 0x3040 and <= 0x30FF and not (>= 0x3099 and <= 0x309C) and not 0x30A0 and not 0x30FB // kana
            or >= 0x31F0 and <= 0x31FF // Katakana phonetic extensions
            or >= 0xFF66 and <= 0xFF9D // halfwidth Katakana
            or 0x3005 or 0x3007 // 々 and 〇
            or >= 0x3400 and <= 0x4DBF // CJK Extension A
            or >= 0x4E00 and <= 0x9FFF // CJK Unified Ideographs
            or >= 0xF900 and <= 0xFAFF // CJK Compatibility Ideographs
            or >= 0xAC00 and <= 0xD7A3 // Hangul syllables
            or >= 0x1B000 and <= 0x1B16F // Kana supplement and extensions
            or >= 0x20000 and <= 0x3FFFF; // CJK Extensions B to I and compatibility supplement

    /// <summary>Scripts without spaces between words, and conjoining jamo: one word per grapheme cluster.</summary>
    private static bool IsClusterScript(int value) =>
        value is >= 0x0E00 and <= 0x0EFF // Thai, Lao
            or >= 0x1000 and <= 0x109F // Myanmar
            or >= 0x1100 and <= 0x11FF // Hangul jamo
            or >= 0x1780 and <= 0x17FF // Khmer
            or >= 0x19E0 and <= 0x19FF // Khmer symbols
            or >= 0x3130 and <= 0x318F // Hangul compatibility jamo
            or >= 0xA960 and <= 0xA97F // Hangul jamo extended A
            or >= 0xA9E0 and <= 0xA9FF // Myanmar extended B
            or >= 0xAA60 and <= 0xAA7F // Myanmar extended A
            or >= 0xD7B0 and <= 0xD7FF // Hangul jamo extended B
            or >= 0xFFA0 and <= 0xFFDC; // halfwidth Hangul jamo

    private enum CharKind
    {
        Separator,
        Word,
        Mark,
        Standalone,
        Cluster,
    }
}
