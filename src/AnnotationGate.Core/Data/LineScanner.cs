using System.Buffers;

namespace AnnotationGate.Core.Data;

/// <summary>
/// Splits a stream into lines of raw bytes without decoding them. A line excludes its <c>\n</c> and one
/// <c>\r</c> before it, and it stays valid until the next <see cref="TryReadLine"/> call. A UTF-8 byte order
/// mark at the start of the stream is skipped. A line longer than the limit is skipped and flagged.
/// </summary>
internal sealed class LineScanner : IDisposable
{
    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private int _scanned;
    private bool _endOfStream;
    private bool _started;
    private bool _discarding;

    public LineScanner(Stream stream, int bufferSize = DataFile.BufferSize, int maxLineBytes = DataFile.MaxRecordBytes)
    {
        _stream = stream;
        _maxLineBytes = maxLineBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
    }

    /// <summary>1-based number of the line returned last, or 0 before the first line.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Name of a UTF-16 or UTF-32 byte order mark at the start of the stream, or null.</summary>
    public string? ForeignByteOrderMark
    {
        get
        {
            EnsureStarted();
            return DataFile.ForeignByteOrderMark(_buffer.AsSpan(_start, _end - _start));
        }
    }

    /// <summary>
    /// Reads the next line. <paramref name="tooLong"/> is true when the line exceeded the limit: it was
    /// skipped and <paramref name="line"/> is empty.
    /// </summary>
    public bool TryReadLine(out ReadOnlyMemory<byte> line, out bool tooLong)
    {
        EnsureStarted();
        while (true)
        {
            var pending = _buffer.AsSpan(_start + _scanned, _end - _start - _scanned);
            var newline = pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = TakeLine(_scanned + newline, 1, out tooLong);
                return true;
            }

            _scanned = _end - _start;
            if (_discarding || _scanned >= _maxLineBytes)
            {
                // Drop the bytes of an overlong line: only the line break that ends it matters now.
                _discarding = true;
                _start = _end;
                _scanned = 0;
            }

            if (!Fill())
            {
                return TryTakeLastLine(out line, out tooLong);
            }
        }
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);

    private bool TryTakeLastLine(out ReadOnlyMemory<byte> line, out bool tooLong)
    {
        if (_end > _start || _discarding)
        {
            line = TakeLine(_end - _start, 0, out tooLong);
            return true;
        }

        line = default;
        tooLong = false;
        return false;
    }

    private ReadOnlyMemory<byte> TakeLine(int length, int terminatorLength, out bool tooLong)
    {
        var line = _buffer.AsMemory(_start, length);
        if (length > 0 && line.Span[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        _start += length + terminatorLength;
        _scanned = 0;
        LineNumber++;
        tooLong = _discarding;
        _discarding = false;
        return tooLong ? default : line;
    }

    private void EnsureStarted()
    {
        if (_started)
        {
            return;
        }

        _started = true;
        while (_end < 3 && Fill())
        {
            // A UTF-8 byte order mark is three bytes long: read until there are three or the stream ends.
        }

        if (_buffer.AsSpan(0, _end).StartsWith(DataFile.Utf8ByteOrderMark))
        {
            _start = 3;
        }
    }

    /// <summary>Moves unread bytes to the front, grows the buffer when it is full, and reads more.</summary>
    private bool Fill()
    {
        if (_endOfStream)
        {
            return false;
        }

        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        _endOfStream = read == 0;
        _end += read;
        return read > 0;
    }
}
