using Google.Protobuf;

namespace KnowledgeBase.Tests.Embeddings.Onnx;

/// <summary>
/// Writes a real ONNX file small enough to reason about: last_hidden_state[b, s, :] = table[input_ids[b, s], :],
/// a Gather from an embedding table, so every expected vector can be computed in the test from the table rows.
/// Encoded by the field numbers of onnx.proto; only what this graph needs.
/// </summary>
internal static class TinyOnnxModel
{
    private const int Float = 1;
    private const int Int64 = 7;

    /// <summary>The row for token <paramref name="id"/>: distinct, non-zero, not a multiple of another row.</summary>
    public static float[] Row(int id, int width) =>
        Enumerable.Range(0, width).Select(j => MathF.Sin((id * width) + j + 1) + (0.1f * id)).ToArray();

    public static float[][] Table(int vocabulary, int width) =>
        Enumerable.Range(0, vocabulary).Select(id => Row(id, width)).ToArray();

    /// <param name="withTokenTypes">Declare a token_type_ids input (unused by the graph, but ONNX Runtime demands it be fed).</param>
    /// <param name="sentenceOutput">Also output sentence_embedding = mean of all token rows, as pooled exports do.</param>
    public static byte[] Build(float[][] table, bool withTokenTypes = false, bool sentenceOutput = false)
    {
        var width = table[0].Length;
        var graph = new Proto()
            .Message(1, Node("Gather", ["table", "input_ids"], ["last_hidden_state"]))
            .String(2, "tiny")
            .Message(5, Tensor("table", [table.Length, width], table.SelectMany(r => r)))
            .Message(11, Value("input_ids", Int64, "batch", "sequence"))
            .Message(11, Value("attention_mask", Int64, "batch", "sequence"));
        if (withTokenTypes)
        {
            graph.Message(11, Value("token_type_ids", Int64, "batch", "sequence"));
        }
        graph.Message(12, Value("last_hidden_state", Float, "batch", "sequence", width));
        if (sentenceOutput)
        {
            var mean = Node("ReduceMean", ["last_hidden_state"], [SentenceEmbedding])
                .Message(5, new Proto().String(1, "axes").Ints(8, 1).Int(20, 7))
                .Message(5, new Proto().String(1, "keepdims").Int(3, 0).Int(20, 2));
            graph.Message(1, mean).Message(12, Value(SentenceEmbedding, Float, "batch", width));
        }

        return new Proto()
            .Int(1, 8)
            .String(2, "kb-tests")
            .Message(7, graph)
            .Message(8, new Proto().String(1, "").Int(2, 13))
            .ToArray();
    }

    private const string SentenceEmbedding = "sentence_embedding";

    private static Proto Node(string op, string[] inputs, string[] outputs)
    {
        var node = new Proto();
        foreach (var input in inputs)
        {
            node.String(1, input);
        }
        foreach (var output in outputs)
        {
            node.String(2, output);
        }
        return node.String(3, op + "_" + outputs[0]).String(4, op);
    }

    private static Proto Tensor(string name, long[] dims, IEnumerable<float> values) =>
        new Proto().Ints(1, dims).Int(2, Float).Floats(4, values).String(8, name);

    /// <summary>A ValueInfoProto; each dimension is a symbolic name (string) or a fixed size (int).</summary>
    private static Proto Value(string name, int elementType, params object[] dims)
    {
        var shape = new Proto();
        foreach (var dim in dims)
        {
            shape.Message(1, dim is string symbol ? new Proto().String(2, symbol) : new Proto().Int(1, (int)dim));
        }
        var tensorType = new Proto().Int(1, elementType).Message(2, shape);
        return new Proto().String(1, name).Message(2, new Proto().Message(1, tensorType));
    }

    /// <summary>A protobuf message as a list of fields, written in order when the bytes are asked for.</summary>
    private sealed class Proto
    {
        private readonly List<Action<CodedOutputStream>> _fields = [];

        public Proto Int(int field, long value) => Add(o =>
        {
            o.WriteTag(field, WireFormat.WireType.Varint);
            o.WriteInt64(value);
        });

        public Proto Ints(int field, params long[] values)
        {
            foreach (var value in values)
            {
                Int(field, value);
            }
            return this;
        }

        public Proto String(int field, string value) => Add(o =>
        {
            o.WriteTag(field, WireFormat.WireType.LengthDelimited);
            o.WriteString(value);
        });

        /// <summary>A packed repeated float: little-endian IEEE 754, as protobuf stores it.</summary>
        public Proto Floats(int field, IEnumerable<float> values) =>
            Bytes(field, values.SelectMany(BitConverter.GetBytes).ToArray());

        public Proto Message(int field, Proto message) => Bytes(field, message.ToArray());

        public byte[] ToArray()
        {
            using var buffer = new MemoryStream();
            using (var output = new CodedOutputStream(buffer, leaveOpen: true))
            {
                _fields.ForEach(write => write(output));
            }
            return buffer.ToArray();
        }

        private Proto Bytes(int field, byte[] bytes) => Add(o =>
        {
            o.WriteTag(field, WireFormat.WireType.LengthDelimited);
            o.WriteBytes(ByteString.CopyFrom(bytes));
        });

        private Proto Add(Action<CodedOutputStream> write)
        {
            _fields.Add(write);
            return this;
        }
    }
}
