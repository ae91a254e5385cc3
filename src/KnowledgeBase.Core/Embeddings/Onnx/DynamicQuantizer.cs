using Google.Protobuf;
using Onnx;

namespace KnowledgeBase.Core.Embeddings.Onnx;

/// <summary>
/// Dynamic int8 quantisation of an ONNX model, done the way ONNX Runtime's <c>quantize_dynamic</c> does it: every
/// MatMul whose second input is a constant float matrix becomes
/// DynamicQuantizeLinear(A) → MatMulInteger(A_q, W_q, A_zp, 0) → Cast(float) → Mul(A_scale × W_scale),
/// which ONNX Runtime's graph optimiser fuses into one int8 kernel (VNNI where the CPU has it).
/// Weights are int8, symmetric, with one scale per output column. Activations are quantised per batch at run time,
/// so no calibration data is needed. Runs in memory in well under a second for a 22M-parameter model.
/// </summary>
internal static class DynamicQuantizer
{
    private const int FloatType = (int)TensorProto.Types.DataType.Float;
    private const int Int8Type = (int)TensorProto.Types.DataType.Int8;

    /// <summary>The model with its constant-weight MatMuls in int8, and how many it changed (0: the bytes come back as given).</summary>
    public static (byte[] Model, int Quantized) Quantize(byte[] model)
    {
        var proto = ModelProto.Parser.ParseFrom(model);
        var quantized = Quantize(proto);
        return quantized == 0 ? (model, 0) : (proto.ToByteArray(), quantized);
    }

    /// <summary>Quantises <paramref name="model"/> in place; returns how many MatMuls it changed.</summary>
    public static int Quantize(ModelProto model)
    {
        var quantized = Quantize(model.Graph);
        // MatMulInteger and DynamicQuantizeLinear need opset 10 and 11 of the default domain.
        foreach (var opset in model.OpsetImport.Where(o => quantized > 0 && string.IsNullOrEmpty(o.Domain) && o.Version < 11))
        {
            opset.Version = 11;
        }
        return quantized;
    }

    private static int Quantize(GraphProto graph)
    {
        var weights = graph.Initializer
            .Where(t => t.DataType == FloatType && t.Dims.Count == 2 && t.ExternalData.Count == 0)
            .ToDictionary(t => t.Name);
        var uses = graph.Node.SelectMany(n => n.Input).Where(weights.ContainsKey)
            .GroupBy(name => name).ToDictionary(g => g.Key, g => g.Count());
        var quantizedInputs = new Dictionary<string, (string Values, string Scale, string ZeroPoint)>();
        var nodes = new List<NodeProto>(graph.Node.Count);
        var count = 0;

        foreach (var node in graph.Node)
        {
            if (node.OpType != "MatMul" || !string.IsNullOrEmpty(node.Domain) || node.Input.Count != 2
                || !weights.TryGetValue(node.Input[1], out var weight))
            {
                nodes.Add(node);
                continue;
            }
            count++;
            var input = node.Input[0];
            var output = node.Output[0];
            // Q, K and V projections read the same activations: quantise them once.
            if (!quantizedInputs.TryGetValue(input, out var a))
            {
                a = (input + "_quantized", input + "_scale", input + "_zero_point");
                quantizedInputs[input] = a;
                nodes.Add(Node("DynamicQuantizeLinear", [input], [a.Values, a.Scale, a.ZeroPoint]));
            }
            var (values, scales) = Symmetric(weight);
            var columns = weight.Dims[1];
            graph.Initializer.Add(Tensor(weight.Name + "_quantized", Int8Type, weight.Dims, ByteString.CopyFrom((byte[])(Array)values)));
            graph.Initializer.Add(Tensor(weight.Name + "_scale", FloatType, [columns], ByteString.CopyFrom(Bytes(scales))));
            graph.Initializer.Add(Tensor(weight.Name + "_zero_point", Int8Type, [columns], ByteString.CopyFrom(new byte[columns])));

            nodes.Add(Node("MatMulInteger", [a.Values, weight.Name + "_quantized", a.ZeroPoint, weight.Name + "_zero_point"], [output + "_int32"]));
            nodes.Add(Node("Cast", [output + "_int32"], [output + "_cast"], new AttributeProto
            {
                Name = "to", Type = AttributeProto.Types.AttributeType.Int, I = FloatType,
            }));
            nodes.Add(Node("Mul", [a.Scale, weight.Name + "_scale"], [output + "_scales"]));
            nodes.Add(Node("Mul", [output + "_cast", output + "_scales"], [output]));

            if (--uses[weight.Name] == 0)
            {
                graph.Initializer.Remove(weight);
            }
        }

        if (count > 0)
        {
            graph.Node.Clear();
            graph.Node.AddRange(nodes);
        }
        return count;
    }

    /// <summary>W[k, n] ≈ q[k, n] × scale[n], q in [-127, 127] (−128 unused, as ONNX Runtime's symmetric int8).</summary>
    private static (sbyte[] Values, float[] Scales) Symmetric(TensorProto weight)
    {
        var rows = (int)weight.Dims[0];
        var columns = (int)weight.Dims[1];
        var floats = Floats(weight);
        var scales = new float[columns];
        for (var i = 0; i < floats.Length; i++)
        {
            var column = i % columns;
            scales[column] = Math.Max(scales[column], Math.Abs(floats[i]));
        }
        for (var n = 0; n < columns; n++)
        {
            // An all-zero column keeps scale 1 so nothing divides by zero; its values stay 0.
            scales[n] = scales[n] > 0 ? scales[n] / 127f : 1f;
        }
        var values = new sbyte[rows * columns];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (sbyte)Math.Clamp(MathF.Round(floats[i] / scales[i % columns], MidpointRounding.ToEven), -127, 127);
        }
        return (values, scales);
    }

    private static float[] Floats(TensorProto tensor) =>
        tensor.RawData.IsEmpty ? [.. tensor.FloatData] : System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray();

    private static byte[] Bytes(float[] values) => System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    private static TensorProto Tensor(string name, int type, IEnumerable<long> dims, ByteString data)
    {
        var tensor = new TensorProto { Name = name, DataType = type, RawData = data };
        tensor.Dims.AddRange(dims);
        return tensor;
    }

    private static NodeProto Node(string op, string[] inputs, string[] outputs, AttributeProto? attribute = null)
    {
        var node = new NodeProto { OpType = op, Name = op + "_" + outputs[0] };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        if (attribute is not null)
        {
            node.Attribute.Add(attribute);
        }
        return node;
    }
}
