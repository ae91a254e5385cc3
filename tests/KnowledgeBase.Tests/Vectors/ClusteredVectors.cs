using System.Numerics.Tensors;

namespace KnowledgeBase.Tests.Vectors;

/// <summary>
/// Seeded unit vectors grouped around random centres, like embeddings of chunks on a few topics: near neighbours
/// are close together, which is where int8 error could reorder them.
/// </summary>
internal static class ClusteredVectors
{
    public static float[] Create(int count, int dimensions, int clusters, float spread, int seed)
    {
        var random = new Random(seed);
        var centres = new float[clusters][];
        for (var c = 0; c < clusters; c++)
        {
            centres[c] = Unit(Gaussian(random, dimensions, 1f));
        }
        var values = new float[count * dimensions];
        for (var row = 0; row < count; row++)
        {
            var noise = Gaussian(random, dimensions, spread / MathF.Sqrt(dimensions));
            TensorPrimitives.Add(centres[random.Next(clusters)], noise, noise);
            Unit(noise).CopyTo(values, row * dimensions);
        }
        return values;
    }

    public static float[] Gaussian(Random random, int dimensions, float sigma)
    {
        var vector = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            // Box-Muller: enough for test data, and deterministic for a seed.
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            vector[i] = sigma * (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
        }
        return vector;
    }

    public static float[] Unit(float[] vector)
    {
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }
}
