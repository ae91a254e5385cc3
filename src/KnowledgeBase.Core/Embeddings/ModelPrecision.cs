using KnowledgeBase.Core.Embeddings.Onnx;

namespace KnowledgeBase.Core.Embeddings;

/// <summary>The numeric precision an ONNX model runs at (<see cref="EmbeddingOptions.Precision"/>).</summary>
public static class ModelPrecision
{
    public const string FullPrecision = "fp32";
    public const string Quantized = "int8";

    /// <summary>
    /// The model to load and the id the index records: int8 quantises it and names it "…-int8", since its vectors
    /// differ from the float model's and an index built by one must not be searched with the other.
    /// </summary>
    /// <exception cref="InvalidOperationException">The precision is neither fp32 nor int8.</exception>
    internal static (byte[] Model, string ModelId) Apply(byte[] model, string modelId, EmbeddingOptions options)
    {
        if (string.Equals(options.Precision, FullPrecision, StringComparison.OrdinalIgnoreCase))
        {
            return (model, modelId);
        }
        if (!string.Equals(options.Precision, Quantized, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Embeddings:Precision: '{options.Precision}' is neither '{FullPrecision}' nor '{Quantized}'.");
        }
        var (quantized, count) = DynamicQuantizer.Quantize(model);
        // A model with no constant weight matrix is unchanged, so it keeps its name.
        return count == 0 ? (model, modelId) : (quantized, modelId + "-" + Quantized);
    }
}
