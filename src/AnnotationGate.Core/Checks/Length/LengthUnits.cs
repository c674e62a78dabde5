using System.Globalization;
using AnnotationGate.Core.Configuration;

namespace AnnotationGate.Core.Checks.Length;

/// <summary>Names of the length units as the gate file spells them and as messages print them.</summary>
internal static class LengthUnits
{
    /// <summary>Returns the unit as written in the gate file, such as <c>code-points</c>.</summary>
    public static string Key(LengthUnit unit) => unit switch
    {
        LengthUnit.Graphemes => "graphemes",
        LengthUnit.CodePoints => "code-points",
        LengthUnit.Utf16 => "utf16",
        LengthUnit.Utf8Bytes => "utf8-bytes",
        LengthUnit.Words => "words",
        LengthUnit.Tokens => "tokens",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown length unit."),
    };

    /// <summary>
    /// Formats an amount with its unit for messages, such as <c>1 grapheme</c>, <c>8 UTF-16 code units</c>
    /// or <c>131 tokens (o200k_base)</c>.
    /// </summary>
    public static string Format(long amount, LengthUnit unit, string? tokenizer)
    {
        var number = amount.ToString("N0", CultureInfo.InvariantCulture);
        var suffix = unit == LengthUnit.Tokens && tokenizer is not null ? $" ({tokenizer})" : "";
        return $"{number} {Noun(unit, amount == 1)}{suffix}";
    }

    /// <summary>Returns the unit's plural name with its tokenizer, such as <c>tokens (o200k_base)</c>.</summary>
    public static string Describe(LengthUnit unit, string? tokenizer) =>
        unit == LengthUnit.Tokens && tokenizer is not null ? $"tokens ({tokenizer})" : Noun(unit, singular: false);

    private static string Noun(LengthUnit unit, bool singular) => (unit, singular) switch
    {
        (LengthUnit.Graphemes, true) => "grapheme",
        (LengthUnit.Graphemes, false) => "graphemes",
        (LengthUnit.CodePoints, true) => "code point",
        (LengthUnit.CodePoints, false) => "code points",
        (LengthUnit.Utf16, true) => "UTF-16 code unit",
        (LengthUnit.Utf16, false) => "UTF-16 code units",
        (LengthUnit.Utf8Bytes, true) => "UTF-8 byte",
        (LengthUnit.Utf8Bytes, false) => "UTF-8 bytes",
        (LengthUnit.Words, true) => "word",
        (LengthUnit.Words, false) => "words",
        (LengthUnit.Tokens, true) => "token",
        (LengthUnit.Tokens, false) => "tokens",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown length unit."),
    };
}
