using System.Text;

namespace AnnotationGate.Embeddings.Onnx;

/// <summary>
/// Rewrites a BERT-style ONNX model so that ML.NET can feed it a whole padded batch as one row.
/// ML.NET's <c>ApplyOnnxModel</c> turns each row into one ONNX Runtime call and gives a variable-length
/// vector column the shape <c>[1, n]</c>; it has no way to build a <c>[batch, sequence]</c> tensor.
/// The rewritten model takes each <c>[batch, sequence]</c> input flattened as <c>[1, n]</c>, plus a
/// two-element <c>batch_shape</c> input, and starts with one <c>Reshape</c> node per input that
/// restores the original tensor. Every other node, weight and output is copied byte for byte.
/// </summary>
/// <remarks>
/// The rewrite works on the protobuf wire format directly, so no ONNX library is needed. ModelProto
/// field 7 is the graph. In GraphProto, field 1 contains the nodes and field 11 the inputs.
/// </remarks>
public static class FlatInputModel
{
    /// <summary>Name of the added input that carries <c>[batch, sequence]</c> for the reshape nodes.</summary>
    public const string ShapeInput = "batch_shape";

    private const int WireVarint = 0;
    private const int Wire64 = 1;
    private const int WireLengthDelimited = 2;
    private const int Wire32 = 5;
    private const int ModelGraphField = 7;
    private const int GraphNodeField = 1;
    private const int GraphInputField = 11;
    private const long OnnxInt64 = 7;

    /// <summary>Name of the flat input that replaces <paramref name="input"/>.</summary>
    public static string FlatName(string input) => $"flat_{input}";

    /// <summary>Returns the rewritten model for a serialized ModelProto.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a model with a graph that has every named input.</exception>
    public static byte[] Rewrite(ReadOnlySpan<byte> model, IReadOnlyList<string> inputs)
    {
        using var output = new MemoryStream(model.Length + 1024);
        var graphs = 0;
        var reader = new WireReader(model);
        while (reader.TryReadField(out var field, out var wire, out var raw, out var payload))
        {
            if (field == ModelGraphField && wire == WireLengthDelimited)
            {
                graphs++;
                WriteLengthDelimited(output, ModelGraphField, RewriteGraph(payload, inputs));
            }
            else
            {
                output.Write(raw);
            }
        }

        if (graphs != 1)
        {
            throw new InvalidDataException($"The ONNX model has {graphs} graphs; exactly one was expected.");
        }

        return output.ToArray();
    }

    private static byte[] RewriteGraph(ReadOnlySpan<byte> graph, IReadOnlyList<string> inputs)
    {
        using var output = new MemoryStream(graph.Length + 1024);
        foreach (var input in inputs)
        {
            WriteLengthDelimited(output, GraphNodeField, ReshapeNode(input));
        }

        var removed = new HashSet<string>(StringComparer.Ordinal);
        var reader = new WireReader(graph);
        while (reader.TryReadField(out var field, out var wire, out var raw, out var payload))
        {
            if (field == GraphInputField && wire == WireLengthDelimited && ValueInfoName(payload) is { } name
                && inputs.Contains(name, StringComparer.Ordinal))
            {
                removed.Add(name);
                continue;
            }

            output.Write(raw);
        }

        var missing = inputs.Where(i => !removed.Contains(i)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"The ONNX model has no input named '{string.Join("', '", missing)}'.");
        }

        foreach (var input in inputs)
        {
            WriteLengthDelimited(output, GraphInputField, Int64Input(FlatName(input), fixedLength: null));
        }

        WriteLengthDelimited(output, GraphInputField, Int64Input(ShapeInput, fixedLength: 2));
        return output.ToArray();
    }

    private static byte[] ReshapeNode(string input)
    {
        using var node = new MemoryStream();
        WriteString(node, 1, FlatName(input));
        WriteString(node, 1, ShapeInput);
        WriteString(node, 2, input);
        WriteString(node, 3, $"annotationgate_reshape_{input}");
        WriteString(node, 4, "Reshape");
        return node.ToArray();
    }

    /// <summary>A ValueInfoProto for an Int64 tensor: <c>[1, n]</c>, or <c>[length]</c> when fixed.</summary>
    private static byte[] Int64Input(string name, int? fixedLength)
    {
        using var shape = new MemoryStream();
        if (fixedLength is { } length)
        {
            WriteLengthDelimited(shape, 1, DimensionValue(length));
        }
        else
        {
            WriteLengthDelimited(shape, 1, DimensionValue(1));
            using var symbolic = new MemoryStream();
            WriteString(symbolic, 2, "flat_length");
            WriteLengthDelimited(shape, 1, symbolic.ToArray());
        }

        using var tensor = new MemoryStream();
        WriteVarintField(tensor, 1, OnnxInt64);
        WriteLengthDelimited(tensor, 2, shape.ToArray());
        using var type = new MemoryStream();
        WriteLengthDelimited(type, 1, tensor.ToArray());
        using var info = new MemoryStream();
        WriteString(info, 1, name);
        WriteLengthDelimited(info, 2, type.ToArray());
        return info.ToArray();
    }

    private static byte[] DimensionValue(long value)
    {
        using var dimension = new MemoryStream();
        WriteVarintField(dimension, 1, value);
        return dimension.ToArray();
    }

    private static string? ValueInfoName(ReadOnlySpan<byte> valueInfo)
    {
        var reader = new WireReader(valueInfo);
        while (reader.TryReadField(out var field, out var wire, out _, out var payload))
        {
            if (field == 1 && wire == WireLengthDelimited)
            {
                return Encoding.UTF8.GetString(payload);
            }
        }

        return null;
    }

    private static void WriteString(Stream output, int field, string value) =>
        WriteLengthDelimited(output, field, Encoding.UTF8.GetBytes(value));

    private static void WriteLengthDelimited(Stream output, int field, ReadOnlySpan<byte> payload)
    {
        WriteVarint(output, ((ulong)field << 3) | WireLengthDelimited);
        WriteVarint(output, (ulong)payload.Length);
        output.Write(payload);
    }

    private static void WriteVarintField(Stream output, int field, long value)
    {
        WriteVarint(output, ((ulong)field << 3) | WireVarint);
        WriteVarint(output, (ulong)value);
    }

    private static void WriteVarint(Stream output, ulong value)
    {
        while (value >= 0x80)
        {
            output.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        output.WriteByte((byte)value);
    }

    /// <summary>Walks the fields of one protobuf message, giving each field's raw bytes and payload.</summary>
    private ref struct WireReader
    {
        private readonly ReadOnlySpan<byte> _data;
        private int _position;

        public WireReader(ReadOnlySpan<byte> data)
        {
            _data = data;
            _position = 0;
        }

        public bool TryReadField(out int field, out int wire, out ReadOnlySpan<byte> raw, out ReadOnlySpan<byte> payload)
        {
            field = 0;
            wire = 0;
            raw = default;
            payload = default;
            if (_position >= _data.Length)
            {
                return false;
            }

            var start = _position;
            var tag = ReadVarint();
            field = (int)(tag >> 3);
            wire = (int)(tag & 7);
            var payloadStart = _position;
            switch (wire)
            {
                case WireVarint:
                    ReadVarint();
                    break;
                case Wire64:
                    Skip(8);
                    break;
                case Wire32:
                    Skip(4);
                    break;
                case WireLengthDelimited:
                    var length = ReadVarint();
                    if (length > (ulong)(_data.Length - _position))
                    {
                        throw Corrupt(start);
                    }

                    payloadStart = _position;
                    Skip((int)length);
                    break;
                default:
                    throw Corrupt(start);
            }

            raw = _data[start.._position];
            payload = _data[payloadStart.._position];
            return true;
        }

        private ulong ReadVarint()
        {
            ulong value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                if (_position >= _data.Length)
                {
                    throw Corrupt(_position);
                }

                var b = _data[_position++];
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }

            throw Corrupt(_position);
        }

        private void Skip(int count)
        {
            if (count > _data.Length - _position)
            {
                throw Corrupt(_position);
            }

            _position += count;
        }

        private static InvalidDataException Corrupt(int offset) =>
            new($"The ONNX model is not a valid protobuf message (byte {offset.ToString(System.Globalization.CultureInfo.InvariantCulture)}). Delete the cache folder's models directory to extract it again.");
    }
}
