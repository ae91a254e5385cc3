using System.Numerics.Tensors;

namespace KnowledgeBase.Benchmarks;

/// <summary>
/// Seeded unit vectors around random centres, standing in for chunk embeddings on a few hundred topics. Uniform
/// noise rather than Gaussian: a million 512-d vectors must generate in seconds, and the scan does not care.
/// </summary>
internal static class SyntheticVectors
{
    /// <summary>Rows from <paramref name="rowSeed"/> around centres from <paramref name="centreSeed"/>, so separate
    /// calls (blocks, queries) share topics.</summary>
    public static float[] Create(int count, int dimensions, int clusters, int centreSeed, int rowSeed)
    {
        var centreRandom = new Random(centreSeed);
        var centres = new float[clusters * dimensions];
        for (var c = 0; c < clusters; c++)
        {
            Unit(Fill(centreRandom, centres.AsSpan(c * dimensions, dimensions), 1f));
        }
        var random = new Random(rowSeed);
        var values = new float[(long)count * dimensions];
        // Noise of norm ~0.8 around a unit centre: neighbours are close but not duplicates.
        var amplitude = 0.8f * MathF.Sqrt(3f / dimensions);
        for (var row = 0; row < count; row++)
        {
            var vector = values.AsSpan((int)((long)row * dimensions), dimensions);
            Fill(random, vector, amplitude);
            TensorPrimitives.Add(vector, centres.AsSpan(random.Next(clusters) * dimensions, dimensions), vector);
            Unit(vector);
        }
        return values;
    }

    private static Span<float> Fill(Random random, Span<float> vector, float amplitude)
    {
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = amplitude * ((2f * random.NextSingle()) - 1f);
        }
        return vector;
    }

    private static void Unit(Span<float> vector) =>
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
}
