namespace AnnotationGate.Core.Data;

/// <summary>
/// Raw lines of a JSONL file with their 1-based line numbers, copied into one growing buffer so that
/// they stay valid while a batch is parsed in parallel. Reused from batch to batch.
/// </summary>
internal sealed class JsonLineBatch
{
    private readonly int[] _starts;
    private readonly int[] _lengths;
    private readonly int[] _lineNumbers;
    private byte[] _bytes = new byte[256 * 1024];
    private int _used;

    public JsonLineBatch(int capacity)
    {
        _starts = new int[capacity];
        _lengths = new int[capacity];
        _lineNumbers = new int[capacity];
    }

    public int Count { get; private set; }

    public ReadOnlyMemory<byte> Line(int index) => _bytes.AsMemory(_starts[index], _lengths[index]);

    public int LineNumber(int index) => _lineNumbers[index];

    public void Add(ReadOnlySpan<byte> line, int lineNumber)
    {
        if (_used + line.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + line.Length));
        }

        line.CopyTo(_bytes.AsSpan(_used));
        _starts[Count] = _used;
        _lengths[Count] = line.Length;
        _lineNumbers[Count] = lineNumber;
        _used += line.Length;
        Count++;
    }

    public void Clear()
    {
        Count = 0;
        _used = 0;
    }
}
