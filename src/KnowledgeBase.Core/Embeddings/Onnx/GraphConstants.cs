using Onnx;

namespace KnowledgeBase.Core.Embeddings.Onnx;

/// <summary>Reads the constant values of a graph, whether stored as initializers or made by Constant nodes.</summary>
internal sealed class GraphConstants(GraphProto graph, Dictionary<string, NodeProto> producers)
{
    private readonly Dictionary<string, TensorProto> _initializers = graph.Initializer.ToDictionary(t => t.Name);

    public bool IsConstant(string name) => Tensor(name) is not null;

    /// <summary>The value of a one-element float tensor, or null.</summary>
    public float? Scalar(string name) =>
        Tensor(name) is { DataType: (int)TensorProto.Types.DataType.Float } t && t.Dims.Aggregate(1L, (a, b) => a * b) == 1
            ? (t.RawData.IsEmpty ? t.FloatData[0] : BitConverter.ToSingle(t.RawData.Span))
            : null;

    /// <summary>
    /// The last dimension of a projection's output: the length of the bias added to it, or the width of its
    /// weight matrix; null when it is neither.
    /// </summary>
    public int? Width(string name)
    {
        if (!producers.TryGetValue(name, out var node))
        {
            return null;
        }
        return node.OpType switch
        {
            "Add" => node.Input.Select(Tensor).FirstOrDefault(t => t is { Dims.Count: 1 }) is { } bias ? (int)bias.Dims[0]
                : node.Input.Select(Width).FirstOrDefault(w => w is not null),
            "MatMul" => Tensor(node.Input[1]) is { Dims.Count: 2 } weight ? (int)weight.Dims[1] : null,
            _ => null,
        };
    }

    private TensorProto? Tensor(string name) =>
        _initializers.TryGetValue(name, out var tensor) ? tensor
        : producers.TryGetValue(name, out var node) && node.OpType == "Constant"
            ? node.Attribute.FirstOrDefault(a => a.Name == "value")?.T
            : null;
}
