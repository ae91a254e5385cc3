using Google.Protobuf;

namespace KnowledgeBase.Tests.Embeddings.Onnx;

/// <summary>
/// A protobuf message as a list of fields, written in order when the bytes are asked for; enough to write the
/// ONNX and SentencePiece model files the embedding tests load.
/// </summary>
internal sealed class ProtoMessage
{
    private readonly List<Action<CodedOutputStream>> _fields = [];

    public ProtoMessage Int(int field, long value) => Add(o =>
    {
        o.WriteTag(field, WireFormat.WireType.Varint);
        o.WriteInt64(value);
    });

    public ProtoMessage Ints(int field, params long[] values)
    {
        foreach (var value in values)
        {
            Int(field, value);
        }
        return this;
    }

    public ProtoMessage Float(int field, float value) => Add(o =>
    {
        o.WriteTag(field, WireFormat.WireType.Fixed32);
        o.WriteFloat(value);
    });

    public ProtoMessage String(int field, string value) => Add(o =>
    {
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteString(value);
    });

    /// <summary>A packed repeated float: little-endian IEEE 754, as protobuf stores it.</summary>
    public ProtoMessage Floats(int field, IEnumerable<float> values) =>
        Bytes(field, values.SelectMany(BitConverter.GetBytes).ToArray());

    public ProtoMessage Message(int field, ProtoMessage message) => Bytes(field, message.ToArray());

    public byte[] ToArray()
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            _fields.ForEach(write => write(output));
        }
        return buffer.ToArray();
    }

    private ProtoMessage Bytes(int field, byte[] bytes) => Add(o =>
    {
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteBytes(ByteString.CopyFrom(bytes));
    });

    private ProtoMessage Add(Action<CodedOutputStream> write)
    {
        _fields.Add(write);
        return this;
    }
}
