using KnowledgeBase.Core.Embeddings.Onnx;
using Google.Protobuf;
using Onnx;

namespace KnowledgeBase.Core.Embeddings;

/// <summary>The numeric precision an ONNX model runs at (<see cref="EmbeddingOptions.Precision"/>).</summary>
public static class ModelPrecision
{
    public const string FullPrecision = "fp32";
    public const string Quantized = "int8";

    /// <summary>
    /// The model to load, the id the index records, and whether its batches must be unpadded. Its attention blocks are
    /// fused into one kernel each (see <see cref="AttentionFuser"/>: the same vectors, computed faster, for inputs of
    /// one length per batch). int8 also quantises it and names it "…-int8", since its vectors differ from the float
    /// model's and an index built by one must not be searched with the other.
    /// </summary>
    /// <exception cref="InvalidOperationException">The precision is neither fp32 nor int8.</exception>
    internal static (byte[] Model, string ModelId, bool Unpadded) Apply(byte[] model, string modelId, EmbeddingOptions options)
    {
        var quantize = string.Equals(options.Precision, Quantized, StringComparison.OrdinalIgnoreCase);
        if (!quantize && !string.Equals(options.Precision, FullPrecision, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Embeddings:Precision: '{options.Precision}' is neither '{FullPrecision}' nor '{Quantized}'.");
        }
        var proto = ModelProto.Parser.ParseFrom(model);
        var fused = AttentionFuser.Fuse(proto);
        var quantized = quantize ? DynamicQuantizer.Quantize(proto) : 0;
        // A model with no constant weight matrix is unchanged by quantisation, so it keeps its name.
        var id = quantized == 0 ? modelId : modelId + "-" + Quantized;
        return fused + quantized == 0 ? (model, id, false) : (proto.ToByteArray(), id, fused > 0);
    }
}
