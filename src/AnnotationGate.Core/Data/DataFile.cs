using System.Text;
using System.Text.Unicode;

namespace AnnotationGate.Core.Data;

/// <summary>File access and byte-level helpers shared by the record readers.</summary>
internal static class DataFile
{
    /// <summary>Size of the read buffer each reader starts with: 256 KiB.</summary>
    public const int BufferSize = 256 * 1024;

    /// <summary>
    /// Parser settings for records: a key repeated in one object is an error. JSON parsers disagree on
    /// which value wins (Python and JavaScript keep the last), so a check could otherwise pass a record
    /// that the consuming program reads differently.
    /// </summary>
    public static readonly System.Text.Json.JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false };

    /// <summary>Largest record a reader accepts: 64 MiB. A longer record is reported and skipped.</summary>
    public const int MaxRecordBytes = 64 * 1024 * 1024;

    /// <summary>
    /// Opens a data file for one sequential pass. Other processes may read it meanwhile. The stream has
    /// no buffer of its own because every reader reads into a large buffer itself.
    /// </summary>
    public static FileStream Open(string path) => new(path, new FileStreamOptions
    {
        Mode = FileMode.Open,
        Access = FileAccess.Read,
        Share = FileShare.Read,
        Options = FileOptions.SequentialScan,
        BufferSize = 0,
    });

    /// <summary>The UTF-8 byte order mark, EF BB BF.</summary>
    public static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> Utf16LittleEndianMark => [0xFF, 0xFE];

    private static ReadOnlySpan<byte> Utf16BigEndianMark => [0xFE, 0xFF];

    private static ReadOnlySpan<byte> Utf32BigEndianMark => [0x00, 0x00, 0xFE, 0xFF];

    /// <summary>Returns true for an empty span or one holding only spaces, tabs and carriage returns.</summary>
    public static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t\r"u8) < 0;

    /// <summary>Returns the index of the first byte that starts an invalid UTF-8 sequence, or -1.</summary>
    public static int IndexOfInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return -1;
        }

        var i = 0;
        while (i < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return i;
            }

            i += consumed;
        }

        return -1;
    }

    /// <summary>
    /// Converts a byte index inside a text that starts on <paramref name="firstLine"/> into a 1-based
    /// line and byte column.
    /// </summary>
    public static (int Line, int Column) Position(ReadOnlySpan<byte> text, int index, int firstLine)
    {
        var before = text[..index];
        var lastBreak = before.LastIndexOf((byte)'\n');
        return (firstLine + before.Count((byte)'\n'), index - lastBreak);
    }

    /// <summary>Returns the name of a byte order mark that is not UTF-8, or null.</summary>
    public static string? ForeignByteOrderMark(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(Utf16LittleEndianMark))
        {
            return "UTF-16 little-endian (FF FE)";
        }

        if (head.StartsWith(Utf16BigEndianMark))
        {
            return "UTF-16 big-endian (FE FF)";
        }

        return head.StartsWith(Utf32BigEndianMark) ? "UTF-32 big-endian (00 00 FE FF)" : null;
    }
}
