using System.Numerics.Tensors;

namespace KnowledgeBase.Core.Embeddings;

/// <summary>
/// The graph's layer_norm, row by row: (x - mean) · rsqrt(mean((x - mean)²) + ε) · scale + bias, ε from the graph (1e-6).
/// </summary>
internal sealed class LayerNorm(float[] scale, float[] bias, float epsilon)
{
    public int Width => scale.Length;

    public void Apply(ReadOnlySpan<float> input, Span<float> output, int rows)
    {
        var width = Width;
        for (var row = 0; row < rows; row++)
        {
            var x = input.Slice(row * width, width);
            var y = output.Slice(row * width, width);
            var mean = TensorPrimitives.Sum(x) / width;
            TensorPrimitives.Subtract(x, mean, y);
            var variance = TensorPrimitives.SumOfSquares(y) / width;
            var inverse = 1f / MathF.Sqrt(variance + epsilon);
            TensorPrimitives.Multiply(y, inverse, y);
            TensorPrimitives.FusedMultiplyAdd(y, scale, bias, y);
        }
    }
}
