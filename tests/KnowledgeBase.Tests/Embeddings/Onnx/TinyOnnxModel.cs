namespace KnowledgeBase.Tests.Embeddings.Onnx;

/// <summary>
/// Writes a real ONNX file small enough to reason about: last_hidden_state[b, s, :] = table[input_ids[b, s], :],
/// a Gather from an embedding table, so every expected vector can be computed in the test from the table rows.
/// Encoded by the field numbers of onnx.proto; only what this graph needs.
/// </summary>
internal static class TinyOnnxModel
{
    private const int Float = 1;
    private const int Half = 10;
    private const int Int64 = 7;

    /// <summary>The row for token <paramref name="id"/>: distinct, non-zero, not a multiple of another row.</summary>
    public static float[] Row(int id, int width) =>
        Enumerable.Range(0, width).Select(j => MathF.Sin((id * width) + j + 1) + (0.1f * id)).ToArray();

    public static float[][] Table(int vocabulary, int width) =>
        Enumerable.Range(0, vocabulary).Select(id => Row(id, width)).ToArray();

    /// <param name="withTokenTypes">Declare a token_type_ids input (unused by the graph, but ONNX Runtime demands it be fed).</param>
    /// <param name="sentenceOutput">Also output sentence_embedding = mean of all token rows, as pooled exports do.</param>
    /// <param name="halfPrecision">Cast the output to float16, as fp16 exports do.</param>
    public static byte[] Build(float[][] table, bool withTokenTypes = false, bool sentenceOutput = false, bool halfPrecision = false)
    {
        var width = table[0].Length;
        var output = halfPrecision ? Half : Float;
        var graph = new ProtoMessage()
            .Message(1, Node("Gather", ["table", "input_ids"], [halfPrecision ? "gathered" : "last_hidden_state"]))
            .String(2, "tiny")
            .Message(5, Tensor("table", [table.Length, width], table.SelectMany(r => r)))
            .Message(11, Value("input_ids", Int64, "batch", "sequence"))
            .Message(11, Value("attention_mask", Int64, "batch", "sequence"));
        if (withTokenTypes)
        {
            graph.Message(11, Value("token_type_ids", Int64, "batch", "sequence"));
        }
        if (halfPrecision)
        {
            var cast = Node("Cast", ["gathered"], ["last_hidden_state"])
                .Message(5, new ProtoMessage().String(1, "to").Int(3, Half).Int(20, 2));
            graph.Message(1, cast);
        }
        graph.Message(12, Value("last_hidden_state", output, "batch", "sequence", width));
        if (sentenceOutput)
        {
            var mean = Node("ReduceMean", ["last_hidden_state"], [SentenceEmbedding])
                .Message(5, new ProtoMessage().String(1, "axes").Ints(8, 1).Int(20, 7))
                .Message(5, new ProtoMessage().String(1, "keepdims").Int(3, 0).Int(20, 2));
            graph.Message(1, mean).Message(12, Value(SentenceEmbedding, output, "batch", width));
        }

        return new ProtoMessage()
            .Int(1, 8)
            .String(2, "kb-tests")
            .Message(7, graph)
            .Message(8, new ProtoMessage().String(1, "").Int(2, 13))
            .ToArray();
    }

    private const string SentenceEmbedding = "sentence_embedding";

    private static ProtoMessage Node(string op, string[] inputs, string[] outputs)
    {
        var node = new ProtoMessage();
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

    private static ProtoMessage Tensor(string name, long[] dims, IEnumerable<float> values) =>
        new ProtoMessage().Ints(1, dims).Int(2, Float).Floats(4, values).String(8, name);

    /// <summary>A ValueInfoProto; each dimension is a symbolic name (string) or a fixed size (int).</summary>
    private static ProtoMessage Value(string name, int elementType, params object[] dims)
    {
        var shape = new ProtoMessage();
        foreach (var dim in dims)
        {
            shape.Message(1, dim is string symbol ? new ProtoMessage().String(2, symbol) : new ProtoMessage().Int(1, (int)dim));
        }
        var tensorType = new ProtoMessage().Int(1, elementType).Message(2, shape);
        return new ProtoMessage().String(1, name).Message(2, new ProtoMessage().Message(1, tensorType));
    }
}
