using System.Globalization;
using System.Text;

namespace AnnotationGate.Core.Labels.Leakage;

/// <summary>
/// Normalizes text for duplicate detection: Unicode NFKC, lower case (invariant culture),
/// punctuation (Unicode categories P*) and invisible format characters (Cf) removed, and runs of
/// white space and control characters collapsed to one space, with none at either end.
/// </summary>
public static class TextNormalizer
{
    private const char Drop = '\0';
    private const char Space = ' ';

    private enum CharKind
    {
        Keep,
        Space,
        Drop,
    }

    // What each ASCII character becomes: itself lowered, a space, or nothing.
    private static readonly char[] AsciiMap = BuildAsciiMap();

    /// <summary>Normalizes <paramref name="text"/>, for example "Ｈｅｌｌｏ,  World!" to "hello world".</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = Array.Empty<char>();
        var length = NormalizeInto(text, ref buffer);
        return new string(buffer, 0, length);
    }

    /// <summary>Writes the normalized text to <paramref name="buffer"/>, growing it when needed.</summary>
    internal static int NormalizeInto(string text, ref char[] buffer)
    {
        if (Ascii.IsValid(text))
        {
            EnsureCapacity(ref buffer, text.Length);
            return WriteAscii(text, buffer);
        }

        var composed = ComposeCompatibility(text);
        EnsureCapacity(ref buffer, composed.Length * 2);
        return WriteUnicode(composed, buffer);
    }

    private static string ComposeCompatibility(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Invalid UTF-16 (a lone surrogate) cannot be normalized, so the text keeps its
            // original form, and rune enumeration below turns the surrogate into U+FFFD.
            return text;
        }
    }

    private static int WriteAscii(ReadOnlySpan<char> text, char[] buffer)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            var mapped = AsciiMap[c];
            if (mapped == Drop)
            {
                continue;
            }

            if (mapped == Space)
            {
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace)
            {
                buffer[length++] = Space;
                pendingSpace = false;
            }

            buffer[length++] = mapped;
        }

        return length;
    }

    private static int WriteUnicode(ReadOnlySpan<char> text, char[] buffer)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var kind = Classify(rune);
            if (kind == CharKind.Drop)
            {
                continue;
            }

            if (kind == CharKind.Space)
            {
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace)
            {
                buffer[length++] = Space;
                pendingSpace = false;
            }

            length += Rune.ToLowerInvariant(rune).EncodeToUtf16(buffer.AsSpan(length));
        }

        return length;
    }

    private static CharKind Classify(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (Rune.IsWhiteSpace(rune) || category == UnicodeCategory.Control)
        {
            return CharKind.Space;
        }

        return IsPunctuation(category) || category == UnicodeCategory.Format
            ? CharKind.Drop
            : CharKind.Keep;
    }

    private static bool IsPunctuation(UnicodeCategory category) => category
        is UnicodeCategory.ConnectorPunctuation
        or UnicodeCategory.DashPunctuation
        or UnicodeCategory.OpenPunctuation
        or UnicodeCategory.ClosePunctuation
        or UnicodeCategory.InitialQuotePunctuation
        or UnicodeCategory.FinalQuotePunctuation
        or UnicodeCategory.OtherPunctuation;

    private static char[] BuildAsciiMap()
    {
        var map = new char[128];
        for (var c = 0; c < map.Length; c++)
        {
            map[c] = Classify(new Rune(c)) switch
            {
                CharKind.Drop => Drop,
                CharKind.Space => Space,
                _ => char.ToLowerInvariant((char)c),
            };
        }

        return map;
    }

    private static void EnsureCapacity(ref char[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new char[Math.Max(length, buffer.Length * 2)];
        }
    }
}
