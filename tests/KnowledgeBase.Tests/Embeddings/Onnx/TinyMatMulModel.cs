using Google.Protobuf;
using Onnx;

namespace KnowledgeBase.Tests.Embeddings.Onnx;

/// <summary>
/// A real ONNX model of linear layers, the shape the quantiser rewrites: y = x·W1 (+ z = x·W2 when asked), with W a
/// constant float initializer, or y = x·w with w a second graph input (nothing constant to quantise).
/// </summary>
internal static class TinyMatMulModel
{
    /// <summary>Distinct weights of both signs and varied magnitude, as a trained layer has.</summary>
    public static float[] Weights(int rows, int columns, int seed) =>
        Enumerable.Range(0, rows * columns).Select(i => MathF.Sin((seed * 7919) + (i * 1.3f)) * (1 + (i % 5))).ToArray();

    /// <param name="weights">One constant [rows × columns] matrix per MatMul, each applied to the same input x.</param>
    /// <param name="sharedWeight">Apply the first matrix twice (two MatMuls read one initializer).</param>
    public static byte[] Build(int rows, int columns, IReadOnlyList<float[]> weights, bool sharedWeight = false)
    {
        var graph = new GraphProto { Name = "tiny-matmul" };
        graph.Input.Add(Value("x", "batch", rows));
        for (var i = 0; i < (sharedWeight ? 2 : weights.Count); i++)
        {
            var weight = sharedWeight ? "w0" : $"w{i}";
            graph.Node.Add(Node("MatMul", ["x", weight], $"y{i}"));
            graph.Output.Add(Value($"y{i}", "batch", columns));
        }
        for (var i = 0; i < weights.Count; i++)
        {
            var tensor = new TensorProto
            {
                Name = $"w{i}",
                DataType = (int)TensorProto.Types.DataType.Float,
                RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(weights[i].AsSpan())),
            };
            tensor.Dims.AddRange([rows, columns]);
            graph.Initializer.Add(tensor);
        }
        return Model(graph);
    }

    /// <summary>y = x·w with w fed at run time: no constant weight.</summary>
    public static byte[] BuildWithoutConstants(int rows, int columns)
    {
        var graph = new GraphProto { Name = "tiny-matmul-inputs" };
        graph.Input.Add(Value("x", "batch", rows));
        graph.Input.Add(Value("w", rows, columns));
        graph.Node.Add(Node("MatMul", ["x", "w"], "y0"));
        graph.Output.Add(Value("y0", "batch", columns));
        return Model(graph);
    }

    private static byte[] Model(GraphProto graph)
    {
        var model = new ModelProto { IrVersion = 8, ProducerName = "kb-tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        return model.ToByteArray();
    }

    private static NodeProto Node(string op, string[] inputs, string output)
    {
        var node = new NodeProto { OpType = op, Name = op + "_" + output };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        return node;
    }

    /// <summary>A float tensor value; each dimension is a symbolic name (string) or a fixed size (int).</summary>
    private static ValueInfoProto Value(string name, params object[] dims) => Value(name, TensorProto.Types.DataType.Float, dims);

    /// <summary>A tensor value of <paramref name="type"/>; each dimension is a symbolic name (string) or a fixed size (int).</summary>
    internal static ValueInfoProto Value(string name, TensorProto.Types.DataType type, params object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
        {
            shape.Dim.Add(dim is string symbol ? new TensorShapeProto.Types.Dimension { DimParam = symbol }
                : new TensorShapeProto.Types.Dimension { DimValue = (int)dim });
        }
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }
}
