using System.Buffers;
using System.Text.Json;
using AnnotationGate.Core.Findings;

namespace AnnotationGate.Core.Data;

/// <summary>
/// Walks the elements of a top-level JSON array in a stream, one element at a time, and tracks the line
/// on which each element starts. An element may span any number of buffer refills. A file whose top
/// level is not an array, or that is not valid JSON, yields one finding and ends the walk.
/// </summary>
internal sealed class JsonArrayScanner : IDisposable
{
    private readonly Stream _stream;
    private readonly string _file;
    private readonly Action<Finding> _onFinding;
    private readonly int _maxElementBytes;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _endOfStream;
    private Phase _phase;
    private JsonReaderState _state;

    // Line number of the byte at _lineCountedTo. Line breaks before that byte are counted already.
    private int _line = 1;
    private int _lineCountedTo;

    public JsonArrayScanner(
        Stream stream, string file, Action<Finding> onFinding, int bufferSize = DataFile.BufferSize, int maxElementBytes = DataFile.MaxRecordBytes)
    {
        _stream = stream;
        _file = file;
        _onFinding = onFinding;
        _maxElementBytes = maxElementBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
    }

    private enum Phase
    {
        Start,
        BeforeArray,
        InArray,
        AfterArray,
        Done,
    }

    private enum Step
    {
        Element,
        NeedMoreData,
        Continue,
        Done,
    }

    /// <summary>
    /// Moves to the next element. The element's bytes stay valid until the next call, and
    /// <paramref name="line"/> is the 1-based line of its first byte.
    /// </summary>
    public bool TryReadElement(out ReadOnlyMemory<byte> element, out int line)
    {
        element = default;
        line = 0;
        while (true)
        {
            var step = _phase == Phase.Start ? SkipByteOrderMark() : TryStep(out element, out line);
            if (step == Step.Element)
            {
                return true;
            }

            if (step == Step.Done || (step == Step.NeedMoreData && !Fill()))
            {
                _phase = Phase.Done;
                return false;
            }
        }
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);

    private Step SkipByteOrderMark()
    {
        if (_end < 4 && !_endOfStream)
        {
            return Step.NeedMoreData;
        }

        var head = _buffer.AsSpan(0, _end);
        if (DataFile.ForeignByteOrderMark(head) is { } mark)
        {
            _onFinding(ReaderFindings.ForeignEncoding(_file, mark));
            return Step.Done;
        }

        if (head.StartsWith(DataFile.Utf8ByteOrderMark))
        {
            _start = _lineCountedTo = 3;
        }

        _phase = Phase.BeforeArray;
        return Step.Continue;
    }

    private Step TryStep(out ReadOnlyMemory<byte> element, out int line)
    {
        element = default;
        line = 0;
        if (_phase == Phase.Done)
        {
            return Step.Done;
        }

        var data = _buffer.AsSpan(_start, _end - _start);
        if (_endOfStream && _phase == Phase.BeforeArray && IsWhitespace(data))
        {
            // An empty or whitespace-only file contains no records.
            return Step.Done;
        }

        return ReadToken(data, ref element, ref line);
    }

    private Step ReadToken(ReadOnlySpan<byte> data, ref ReadOnlyMemory<byte> element, ref int line)
    {
        var reader = new Utf8JsonReader(data, _endOfStream, _state);
        try
        {
            return _phase switch
            {
                Phase.BeforeArray => ReadArrayStart(ref reader),
                Phase.InArray => ReadElement(ref reader, ref element, ref line),
                _ => ReadTrailer(ref reader),
            };
        }
        catch (JsonException exception)
        {
            _onFinding(ReaderFindings.InvalidJson(_file, exception, 1, "file",
                "Reading stopped here, so the records after this point were not checked. Fix the JSON and run again."));
            return Step.Done;
        }
    }

    private Step ReadArrayStart(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            return Step.NeedMoreData;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            var kind = reader.TokenType == JsonTokenType.StartObject ? "an object" : "a single value";
            _onFinding(ReaderFindings.Malformed(_file, LineAt(_start + (int)reader.TokenStartIndex), null,
                $"The file holds {kind} at the top level, but a JSON dataset must be an array of record objects, "
                + "so it was not read. Wrap the records in [ ], or write them as JSONL, one object per line."));
            return Step.Done;
        }

        Commit(ref reader, Phase.InArray);
        return Step.Continue;
    }

    private Step ReadElement(ref Utf8JsonReader reader, ref ReadOnlyMemory<byte> element, ref int line)
    {
        if (!reader.Read())
        {
            return _endOfStream ? ReportTruncated() : NeedMoreOrTooLong(line: 0);
        }

        if (reader.TokenType == JsonTokenType.EndArray)
        {
            Commit(ref reader, Phase.AfterArray);
            return Step.Continue;
        }

        var tokenStart = _start + (int)reader.TokenStartIndex;
        line = LineAt(tokenStart);
        if (!reader.TrySkip())
        {
            return NeedMoreOrTooLong(line);
        }

        element = _buffer.AsMemory(tokenStart, _start + (int)reader.BytesConsumed - tokenStart);
        Commit(ref reader, Phase.InArray);
        return Step.Element;
    }

    private Step ReadTrailer(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            // Unreachable in practice: the parser rejects a second top-level value itself.
            _onFinding(ReaderFindings.Malformed(_file, LineAt(_start + (int)reader.TokenStartIndex), null,
                "The file has more JSON after the closing ']' of the record array. Remove it."));
            return Step.Done;
        }

        Commit(ref reader, Phase.AfterArray);
        return _endOfStream ? Step.Done : Step.NeedMoreData;
    }

    private Step NeedMoreOrTooLong(int line)
    {
        if (_end - _start < _maxElementBytes)
        {
            return Step.NeedMoreData;
        }

        _onFinding(ReaderFindings.TooLong(_file, line == 0 ? LineAt(_start) : line,
            "so reading stopped here. Split the record into smaller ones."));
        return Step.Done;
    }

    private Step ReportTruncated()
    {
        _onFinding(ReaderFindings.Malformed(_file, LineAt(_end), null,
            "The file ends before the record array is closed with ']'. Check whether the file was cut off."));
        return Step.Done;
    }

    private void Commit(ref Utf8JsonReader reader, Phase next)
    {
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
        _phase = next;
    }

    /// <summary>Returns the line of a buffer position at or after the last one asked for.</summary>
    private int LineAt(int position)
    {
        _line += _buffer.AsSpan(_lineCountedTo, position - _lineCountedTo).Count((byte)'\n');
        _lineCountedTo = position;
        return _line;
    }

    private static bool IsWhitespace(ReadOnlySpan<byte> data) => data.IndexOfAnyExcept(" \t\r\n"u8) < 0;

    private bool Fill()
    {
        if (_endOfStream)
        {
            return false;
        }

        Compact();
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

        // Reaching the end of the stream counts as progress too, because the parser must then see the
        // remaining data once more as the final block.
        return true;
    }

    private void Compact()
    {
        if (_start == 0)
        {
            return;
        }

        if (_lineCountedTo < _start)
        {
            LineAt(_start);
        }

        _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
        _end -= _start;
        _lineCountedTo -= _start;
        _start = 0;
    }
}
