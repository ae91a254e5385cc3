using System.Numerics.Tensors;

namespace KnowledgeBase.Core.Embeddings.Onnx;

/// <summary>Turns a model's per-token output into one vector per input, as sentence-transformers does.</summary>
internal static class Pooling
{
    /// <summary>The Embeddings:Pooling setting: "cls" picks the first token; anything else valid means "mean".</summary>
    public static bool IsCls(string? pooling) => string.Equals(pooling, "cls", StringComparison.OrdinalIgnoreCase);

    /// <summary>Mean over the tokens the attention mask keeps, so padding never shifts a short input's vector.</summary>
    public static float[] Mean(ReadOnlySpan<float> tokens, ReadOnlySpan<long> mask, int width)
    {
        var sum = new float[width];
        var count = 0;
        for (var t = 0; t < mask.Length; t++)
        {
            if (mask[t] == 0)
            {
                continue;
            }
            TensorPrimitives.Add(sum, tokens.Slice(t * width, width), sum);
            count++;
        }
        TensorPrimitives.Divide(sum, Math.Max(count, 1), sum);
        return sum;
    }

    /// <summary>The first token's vector: [CLS] for BERT, &lt;s&gt; for XLM-RoBERTa (bge models).</summary>
    public static float[] Cls(ReadOnlySpan<float> tokens, int width) => tokens[..width].ToArray();

    /// <summary>Cuts to <paramref name="dimensions"/> (Matryoshka-trained models) and optionally scales to unit length.</summary>
    public static float[] Finish(float[] vector, int? dimensions, bool normalize)
    {
        if (dimensions is { } size && size < vector.Length)
        {
            vector = vector[..size];
        }
        if (normalize)
        {
            var norm = TensorPrimitives.Norm(vector);
            if (norm > 0)
            {
                TensorPrimitives.Divide(vector, norm, vector);
            }
        }
        return vector;
    }
}
