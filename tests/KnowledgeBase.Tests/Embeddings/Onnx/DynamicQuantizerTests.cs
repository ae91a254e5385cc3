using System.Numerics.Tensors;
using KnowledgeBase.Core.Embeddings.Onnx;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace KnowledgeBase.Tests.Embeddings.Onnx;

public sealed class DynamicQuantizerTests
{
    private const int Rows = 48;
    private const int Columns = 24;

    [Fact]
    public void MatMulWithConstantWeights_Quantised_GivesTheFloatModelsOutputsWithinTolerance()
    {
        var model = TinyMatMulModel.Build(Rows, Columns, [TinyMatMulModel.Weights(Rows, Columns, seed: 1)]);
        var input = Input(batch: 5);

        var (quantized, count) = DynamicQuantizer.Quantize(model);

        Assert.Equal(1, count);
        var expected = Run(model, input, batch: 5);
        var actual = Run(quantized, input, batch: 5);
        var largest = expected.Max(MathF.Abs);
        for (var i = 0; i < expected.Length; i++)
        {
            // int8 keeps about two decimal digits of the largest value; a wrong scale or transposed weight is far off.
            Assert.True(MathF.Abs(expected[i] - actual[i]) < 0.02f * largest, $"output {i}: {actual[i]} against {expected[i]}");
        }
        Assert.True(TensorPrimitives.CosineSimilarity(expected, actual) > 0.9995f);
    }

    [Fact]
    public void MatMulWithConstantWeights_BecomesMatMulInteger_OnInt8Weights_WithTheFloatWeightsGone()
    {
        var model = TinyMatMulModel.Build(Rows, Columns, [TinyMatMulModel.Weights(Rows, Columns, 1), TinyMatMulModel.Weights(Rows, Columns, 2)]);

        var graph = ModelProto.Parser.ParseFrom(DynamicQuantizer.Quantize(model).Model).Graph;

        Assert.DoesNotContain(graph.Node, n => n.OpType == "MatMul");
        Assert.Equal(2, graph.Node.Count(n => n.OpType == "MatMulInteger"));
        // Both layers read x: it is quantised once.
        Assert.Single(graph.Node, n => n.OpType == "DynamicQuantizeLinear");
        Assert.DoesNotContain(graph.Initializer, t => t.DataType == (int)TensorProto.Types.DataType.Float && t.Dims.Count == 2);
        Assert.Equal(2, graph.Initializer.Count(t => t.DataType == (int)TensorProto.Types.DataType.Int8 && t.Dims.Count == 2));
    }

    [Fact]
    public void WeightReadByTwoMatMuls_IsQuantisedForEach_AndBothOutputsStayClose()
    {
        var model = TinyMatMulModel.Build(Rows, Columns, [TinyMatMulModel.Weights(Rows, Columns, 3)], sharedWeight: true);
        var input = Input(batch: 2);

        var (quantized, count) = DynamicQuantizer.Quantize(model);

        Assert.Equal(2, count);
        using var session = new InferenceSession(quantized);
        Assert.Equal(2, session.OutputNames.Count);
        Assert.True(TensorPrimitives.CosineSimilarity(Run(model, input, 2), Run(quantized, input, 2)) > 0.9995f);
    }

    [Fact]
    public void ModelWithoutConstantMatMulWeights_ComesBackUnchanged()
    {
        var gather = TinyOnnxModel.Build(TinyOnnxModel.Table(6, 4));
        var runtimeWeights = TinyMatMulModel.BuildWithoutConstants(Rows, Columns);

        Assert.Equal((gather, 0), DynamicQuantizer.Quantize(gather));
        Assert.Equal((runtimeWeights, 0), DynamicQuantizer.Quantize(runtimeWeights));
    }

    private static float[] Input(int batch) =>
        Enumerable.Range(0, batch * Rows).Select(i => MathF.Cos(i * 0.37f) * (1 + (i % 3))).ToArray();

    private static float[] Run(byte[] model, float[] input, int batch)
    {
        using var session = new InferenceSession(model);
        using var x = OrtValue.CreateTensorValueFromMemory(input, [batch, Rows]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["x"], [x], session.OutputNames);
        return outputs.SelectMany(o => o.GetTensorDataAsSpan<float>().ToArray()).ToArray();
    }
}
