namespace AnnotationGate.Core.Labels.Leakage;

/// <summary>
/// Character shingles (n-grams) of normalized text: every substring of the shingle size, or the
/// whole text when it is shorter.
/// </summary>
internal static class Shingles
{
    // Odd multiplier of the polynomial rolling hash (mod 2^64).
    private const ulong Base = 0x9E3779B97F4A7C15UL;

    /// <summary>
    /// Writes one 64-bit hash per shingle position (duplicates included) and returns the count.
    /// Hash 0 never occurs, so tables can use it as the empty key.
    /// </summary>
    public static int Hash(ReadOnlySpan<char> text, int size, ref ulong[] hashes)
    {
        if (text.IsEmpty)
        {
            return 0;
        }

        var width = Math.Min(size, text.Length);
        var count = text.Length - width + 1;
        if (hashes.Length < count)
        {
            hashes = new ulong[Math.Max(count, hashes.Length * 2)];
        }

        ulong power = 1;
        ulong rolling = 0;
        for (var i = 0; i < width; i++)
        {
            rolling = (rolling * Base) + text[i];
            power = i == 0 ? 1 : power * Base;
        }

        hashes[0] = Finish(rolling);
        for (var i = 1; i < count; i++)
        {
            rolling = ((rolling - (text[i - 1] * power)) * Base) + text[i + width - 1];
            hashes[i] = Finish(rolling);
        }

        return count;
    }

    /// <summary>Returns the shingles as strings, each once.</summary>
    public static HashSet<string> Distinct(ReadOnlySpan<char> text, int size)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        AddDistinct(text, size, set);
        return set;
    }

    /// <summary>Adds each shingle of <paramref name="text"/> to <paramref name="set"/>.</summary>
    public static void AddDistinct(ReadOnlySpan<char> text, int size, HashSet<string> set)
    {
        var lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
        var width = Math.Min(size, text.Length);
        for (var i = 0; i + width <= text.Length && width > 0; i++)
        {
            lookup.Add(text.Slice(i, width));
        }
    }

    // The MurmurHash3 64-bit finalizer spreads the polynomial value over all bits. It is a
    // bijection, so apart from moving 0 to 1 it adds no collisions.
    private static ulong Finish(ulong value)
    {
        value ^= value >> 33;
        value *= 0xFF51AFD7ED558CCDUL;
        value ^= value >> 33;
        value *= 0xC4CEB9FE1A85EC53UL;
        value ^= value >> 33;
        return value == 0 ? 1 : value;
    }
}
