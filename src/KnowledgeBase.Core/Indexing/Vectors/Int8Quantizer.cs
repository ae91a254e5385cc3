using System.Numerics.Tensors;

namespace KnowledgeBase.Core.Indexing.Vectors;

/// <summary>
/// Symmetric per-vector int8 quantisation: every component becomes round(v / scale) with scale = max|v| / 127, so the
/// largest component maps to ±127 and the error of any component is at most scale / 2. One scale per vector (rather
/// than per dimension) keeps a row at D + 4 bytes and lets the int8 dot product be rescaled with one multiply.
/// </summary>
public static class Int8Quantizer
{
    /// <summary>The largest code; -128 is never produced, so codes are symmetric around zero.</summary>
    public const int MaxCode = 127;

    /// <summary>Writes the codes of <paramref name="vector"/> into <paramref name="codes"/> and returns the scale.</summary>
    /// <returns>The scale (max|v| / 127); 0 for an all-zero vector, whose codes are then all zero.</returns>
    public static float Quantize(ReadOnlySpan<float> vector, Span<sbyte> codes)
    {
        if (codes.Length != vector.Length)
        {
            throw new ArgumentException($"Codes length {codes.Length} differs from vector length {vector.Length}.", nameof(codes));
        }
        if (vector.IsEmpty)
        {
            return 0f;
        }
        var maxAbs = MathF.Abs(TensorPrimitives.MaxMagnitude(vector));
        if (maxAbs == 0f || !float.IsFinite(maxAbs))
        {
            // A NaN or infinite component has no meaningful code; such a row scores zero rather than poisoning the scan.
            codes.Clear();
            return 0f;
        }
        var scale = maxAbs / MaxCode;
        var inverse = MaxCode / maxAbs;
        for (var i = 0; i < vector.Length; i++)
        {
            // Clamp guards the rounding of maxAbs * inverse landing a hair above 127.
            var code = MathF.Round(vector[i] * inverse, MidpointRounding.AwayFromZero);
            codes[i] = (sbyte)Math.Clamp(code, -MaxCode, MaxCode);
        }
        return scale;
    }
}
