using Google.Protobuf;
using Onnx;

namespace KnowledgeBase.Tests.Embeddings.Onnx;

/// <summary>
/// A real ONNX self-attention block laid out as Hugging Face's BERT export lays it out (the shape AttentionFuser
/// rewrites): Q, K, V projections with bias, Reshape to heads, Transpose (K to [0,2,3,1]), MatMul, Div by √head size,
/// Add of (1 − mask) × −10000 made from the attention_mask input, Softmax, MatMul with V, Transpose, Reshape.
/// x is [batch, tokens, Hidden], attention_mask [batch, tokens] (int64), y is [batch, tokens, Hidden].
/// </summary>
internal static class TinyAttentionModel
{
    public const int Hidden = 8;
    public const int Heads = 2;

    /// <param name="maskFromInput">false: the additive mask is a float graph input of its own, not attention_mask.</param>
    public static byte[] Build(bool maskFromInput = true)
    {
        var graph = new GraphProto { Name = "tiny-attention" };
        graph.Input.Add(TinyMatMulModel.Value("x", TensorProto.Types.DataType.Float, "batch", "tokens", Hidden));
        graph.Input.Add(TinyMatMulModel.Value("attention_mask", TensorProto.Types.DataType.Int64, "batch", "tokens"));
        graph.Output.Add(TinyMatMulModel.Value("y", TensorProto.Types.DataType.Float, "batch", "tokens", Hidden));
        graph.Initializer.Add(Ints("heads_shape", [0, 0, Heads, Hidden / Heads]));
        graph.Initializer.Add(Ints("merged_shape", [0, 0, Hidden]));
        graph.Initializer.Add(Ints("axis_1", [1]));
        graph.Initializer.Add(Ints("axis_2", [2]));
        graph.Initializer.Add(Floats("root", [], [MathF.Sqrt(Hidden / Heads)]));
        graph.Initializer.Add(Floats("one", [], [1f]));
        graph.Initializer.Add(Floats("lowest", [], [-10000f]));

        var seed = 0;
        foreach (var name in new[] { "q", "k", "v" })
        {
            graph.Initializer.Add(Floats($"w_{name}", [Hidden, Hidden], TinyMatMulModel.Weights(Hidden, Hidden, ++seed).Select(w => w / 4).ToArray()));
            graph.Initializer.Add(Floats($"b_{name}", [Hidden], TinyMatMulModel.Weights(1, Hidden, ++seed).Select(w => w / 8).ToArray()));
            graph.Node.Add(Node("MatMul", ["x", $"w_{name}"], $"{name}_matmul"));
            graph.Node.Add(Node("Add", [$"b_{name}", $"{name}_matmul"], $"{name}_proj"));
            graph.Node.Add(Node("Reshape", [$"{name}_proj", "heads_shape"], $"{name}_heads"));
            graph.Node.Add(Node("Transpose", [$"{name}_heads"], $"{name}_t", Perm(name == "k" ? [0, 2, 3, 1] : [0, 2, 1, 3])));
        }
        graph.Node.Add(Node("MatMul", ["q_t", "k_t"], "scores"));
        graph.Node.Add(Node("Div", ["scores", "root"], "scaled"));
        if (maskFromInput)
        {
            graph.Node.Add(Node("Unsqueeze", ["attention_mask", "axis_1"], "mask_1"));
            graph.Node.Add(Node("Unsqueeze", ["mask_1", "axis_2"], "mask_2"));
            graph.Node.Add(Node("Cast", ["mask_2"], "mask_float", new AttributeProto { Name = "to", Type = AttributeProto.Types.AttributeType.Int, I = 1 }));
            graph.Node.Add(Node("Sub", ["one", "mask_float"], "masked"));
            graph.Node.Add(Node("Mul", ["masked", "lowest"], "mask_term"));
        }
        else
        {
            graph.Input.Add(TinyMatMulModel.Value("mask_term", TensorProto.Types.DataType.Float, "batch", 1, 1, "tokens"));
        }
        graph.Node.Add(Node("Add", ["scaled", "mask_term"], "biased"));
        graph.Node.Add(Node("Softmax", ["biased"], "probabilities", new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 3 }));
        graph.Node.Add(Node("MatMul", ["probabilities", "v_t"], "context"));
        graph.Node.Add(Node("Transpose", ["context"], "context_t", Perm([0, 2, 1, 3])));
        graph.Node.Add(Node("Reshape", ["context_t", "merged_shape"], "y"));

        var model = new ModelProto { IrVersion = 8, ProducerName = "kb-tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        return model.ToByteArray();
    }

    private static AttributeProto Perm(long[] perm)
    {
        var attribute = new AttributeProto { Name = "perm", Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(perm);
        return attribute;
    }

    private static TensorProto Ints(string name, long[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.Add(values.Length);
        tensor.Int64Data.AddRange(values);
        return tensor;
    }

    private static TensorProto Floats(string name, long[] dims, float[] values)
    {
        var tensor = new TensorProto
        {
            Name = name,
            DataType = (int)TensorProto.Types.DataType.Float,
            RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan())),
        };
        tensor.Dims.AddRange(dims);
        return tensor;
    }

    private static NodeProto Node(string op, string[] inputs, string output, AttributeProto? attribute = null)
    {
        var node = new NodeProto { OpType = op, Name = op + "_" + output };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        if (attribute is not null)
        {
            node.Attribute.Add(attribute);
        }
        return node;
    }
}
