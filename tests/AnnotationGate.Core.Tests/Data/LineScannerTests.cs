using System.Text;
using AnnotationGate.Core.Data;

namespace AnnotationGate.Core.Tests.Data;

public sealed class LineScannerTests
{
    [Fact]
    public void Scanner_small_buffer_splits_lines()
    {
        var lines = ReadAll("ab\r\ncdefghij\n\nklm", bufferSize: 4, maxLineBytes: 100);

        lines.ShouldBe([(1, "ab", false), (2, "cdefghij", false), (3, "", false), (4, "klm", false)]);
    }

    [Fact]
    public void Scanner_overlong_line_skipped_and_flagged()
    {
        var lines = ReadAll("short\n" + new string('x', 50) + "\nnext\n" + new string('y', 40), bufferSize: 8, maxLineBytes: 16);

        lines.ShouldBe([(1, "short", false), (2, "", true), (3, "next", false), (4, "", true)]);
    }

    [Fact]
    public void Scanner_utf16_mark_detected()
    {
        using var scanner = new LineScanner(new MemoryStream([0xFF, 0xFE, 0x7B, 0x00]));

        scanner.ForeignByteOrderMark.ShouldBe("UTF-16 little-endian (FF FE)");
    }

    private static List<(int Line, string Text, bool TooLong)> ReadAll(string text, int bufferSize, int maxLineBytes)
    {
        using var scanner = new LineScanner(new MemoryStream(Encoding.UTF8.GetBytes(text)), bufferSize, maxLineBytes);
        var lines = new List<(int, string, bool)>();
        while (scanner.TryReadLine(out var line, out var tooLong))
        {
            lines.Add((scanner.LineNumber, Encoding.UTF8.GetString(line.Span), tooLong));
        }

        return lines;
    }
}
