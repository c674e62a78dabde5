namespace AnnotationGate.Core.Data;

/// <summary>
/// Splits one row of delimiter-separated bytes into fields. With quoting on (CSV), a field that starts
/// with <c>"</c> is quoted as in RFC 4180: it may contain the delimiter and line breaks, and <c>""</c>
/// inside it stands for one <c>"</c>. A quote anywhere else is kept as it is. With quoting off (TSV),
/// quotes carry no meaning. Field values stay valid until the next <see cref="Parse"/>.
/// </summary>
internal sealed class DelimitedRowParser
{
    private const byte Quote = (byte)'"';

    private readonly byte _delimiter;
    private readonly bool _quoting;
    private readonly List<(int Start, int Length)> _fields = [];
    private byte[] _values = new byte[4096];
    private int _length;

    public DelimitedRowParser(byte delimiter, bool quoting)
    {
        _delimiter = delimiter;
        _quoting = quoting;
    }

    public int FieldCount => _fields.Count;

    public ReadOnlySpan<byte> Field(int index) => _values.AsSpan(_fields[index].Start, _fields[index].Length);

    /// <summary>
    /// Returns true when a quoted field is still open at the end of <paramref name="line"/>, so the row
    /// goes on in the next line. <paramref name="startsInside"/> is true when the line starts inside one.
    /// </summary>
    public bool EndsInsideQuotes(ReadOnlySpan<byte> line, bool startsInside)
    {
        if (!_quoting)
        {
            return false;
        }

        var inside = startsInside;
        var atFieldStart = !startsInside;
        for (var i = 0; i < line.Length; i++)
        {
            var current = line[i];
            if (inside)
            {
                if (current != Quote)
                {
                    continue;
                }

                if (i + 1 < line.Length && line[i + 1] == Quote)
                {
                    i++;
                }
                else
                {
                    inside = false;
                }
            }
            else
            {
                inside = atFieldStart && current == Quote;
                atFieldStart = current == _delimiter;
            }
        }

        return inside;
    }

    /// <summary>
    /// Splits a complete row. Returns -1, or the byte index of text that follows a closing quote
    /// without a delimiter in between, in which case the fields are incomplete.
    /// </summary>
    public int Parse(ReadOnlySpan<byte> row)
    {
        _fields.Clear();
        _length = 0;
        var position = 0;
        while (true)
        {
            var start = _length;
            position = _quoting && position < row.Length && row[position] == Quote
                ? ReadQuoted(row, position)
                : ReadPlain(row, position);
            if (position < row.Length && row[position] != _delimiter)
            {
                return position;
            }

            _fields.Add((start, _length - start));
            if (position >= row.Length)
            {
                return -1;
            }

            position++;
        }
    }

    private int ReadPlain(ReadOnlySpan<byte> row, int position)
    {
        var delimiter = row[position..].IndexOf(_delimiter);
        var stop = delimiter < 0 ? row.Length : position + delimiter;
        Append(row[position..stop]);
        return stop;
    }

    /// <summary>Copies a quoted field without its quotes and with <c>""</c> undoubled. Returns the index after it.</summary>
    private int ReadQuoted(ReadOnlySpan<byte> row, int position)
    {
        var opening = position;
        position++;
        while (true)
        {
            var quote = row[position..].IndexOf(Quote);
            if (quote < 0)
            {
                // Not closed: the caller joins lines until the quote closes, so only a bug gets here.
                return opening;
            }

            Append(row.Slice(position, quote));
            position += quote + 1;
            if (position >= row.Length || row[position] != Quote)
            {
                return position;
            }

            Append(row.Slice(position, 1));
            position++;
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_length + bytes.Length > _values.Length)
        {
            Array.Resize(ref _values, Math.Max(_values.Length * 2, _length + bytes.Length));
        }

        bytes.CopyTo(_values.AsSpan(_length));
        _length += bytes.Length;
    }
}
