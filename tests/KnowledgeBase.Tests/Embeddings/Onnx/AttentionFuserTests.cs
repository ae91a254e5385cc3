using System.Numerics.Tensors;
using Google.Protobuf;
using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Core.Embeddings.Onnx;
using KnowledgeBase.Tests.Support;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace KnowledgeBase.Tests.Embeddings.Onnx;

public sealed class AttentionFuserTests
{
    private const int Batch = 2;
    private const int Tokens = 5;

    [Fact]
    public void BertAttentionBlock_BecomesOneMultiHeadAttention_WithTheSameOutputs()
    {
        var model = TinyAttentionModel.Build();
        var proto = ModelProto.Parser.ParseFrom(model);

        var fused = AttentionFuser.Fuse(proto);

        Assert.Equal(1, fused);
        var ops = proto.Graph.Node.Select(n => n.OpType).ToList();
        Assert.Contains("MultiHeadAttention", ops);
        Assert.DoesNotContain("Softmax", ops);
        Assert.DoesNotContain("Transpose", ops);
        var expected = Run(model);
        var actual = Run(proto.ToByteArray());
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(MathF.Abs(expected[i] - actual[i]) < 1e-4f, $"output {i}: {actual[i]} against {expected[i]}");
        }
    }

    [Fact]
    public void AdditiveMaskNotMadeFromAttentionMask_IsLeftAlone()
    {
        // Fusing drops the additive term; only the padding mask may go (the caller then sends no padding).
        var proto = ModelProto.Parser.ParseFrom(TinyAttentionModel.Build(maskFromInput: false));

        Assert.Equal(0, AttentionFuser.Fuse(proto));
        Assert.Contains("Softmax", proto.Graph.Node.Select(n => n.OpType));
    }

    [Fact]
    public void FusedModel_IsMarkedUnpadded_SoItsCallerBatchesInputsOfOneLength()
    {
        var (_, _, unpadded) = ModelPrecision.Apply(TinyAttentionModel.Build(), "tiny", new EmbeddingOptions { Precision = "fp32" });
        var (_, _, plain) = ModelPrecision.Apply(TinyMatMulModel.Build(4, 4, [TinyMatMulModel.Weights(4, 4, 1)]), "tiny", new EmbeddingOptions { Precision = "fp32" });

        Assert.True(unpadded);
        Assert.False(plain);
    }

    [Fact]
    public async Task BuiltinModel_Fused_GivesTheExportsVectors_ForPassagesOfMixedLengthsEmbeddedTogether()
    {
        // The reference: the model exactly as its package ships it, run unfused as a model folder (padded batches, masked).
        using var folder = new TempFolder();
        var (model, vocabulary) = BuiltinModel.Read();
        File.WriteAllBytes(folder.Combine("model.onnx"), model);
        File.WriteAllBytes(folder.Combine("vocab.txt"), vocabulary);
        using var reference = OnnxEmbeddingGenerator.Load(new EmbeddingOptions
        {
            Provider = "onnx", ModelPath = folder.Path, Pooling = BuiltinModel.Pooling, MaxTokens = BuiltinModel.MaxTokens, Precision = "fp32",
        });
        using var fp32 = OnnxEmbeddingGenerator.LoadBuiltin(new EmbeddingOptions { Precision = "fp32" });
        string[] passages =
        [
            "Incident response.",
            "A national CSIRT needs a mandate, a constituency, funding and staff.",
            string.Join(' ', Enumerable.Repeat("Incident handlers record every action taken during containment and eradication.", 30)),
            "Security awareness training for staff reduces phishing.",
            "Containment strategies vary by incident type.",
        ];

        var expected = await reference.GenerateAsync(passages);
        var full = await fp32.GenerateAsync(passages);
        var quantized = await TestModels.Builtin.GenerateAsync(passages);

        for (var i = 0; i < passages.Length; i++)
        {
            var vector = expected[i].Vector.Span;
            // Padding that leaked into attention would move the short passages' vectors far more than this.
            Assert.True(TensorPrimitives.CosineSimilarity(vector, full[i].Vector.Span) > 0.9999f, $"fp32 passage {i}");
            Assert.True(TensorPrimitives.CosineSimilarity(vector, quantized[i].Vector.Span) > 0.99f, $"int8 passage {i}");
        }
    }

    private static float[] Run(byte[] model)
    {
        var x = Enumerable.Range(0, Batch * Tokens * TinyAttentionModel.Hidden).Select(i => MathF.Cos(i * 0.7f)).ToArray();
        var mask = Enumerable.Repeat(1L, Batch * Tokens).ToArray();
        using var session = new InferenceSession(model);
        using var runOptions = new RunOptions();
        using var xValue = OrtValue.CreateTensorValueFromMemory(x, [Batch, Tokens, TinyAttentionModel.Hidden]);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, [Batch, Tokens]);
        using var outputs = session.Run(runOptions, ["x", "attention_mask"], [xValue, maskValue], ["y"]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
