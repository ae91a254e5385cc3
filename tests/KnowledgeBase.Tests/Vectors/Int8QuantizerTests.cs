using KnowledgeBase.Core.Indexing.Vectors;

namespace KnowledgeBase.Tests.Vectors;

public sealed class Int8QuantizerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(512)]
    [InlineData(1024)]
    public void RoundTrip_EveryComponentWithinHalfAStep(int dimensions)
    {
        var random = new Random(dimensions);
        var vector = ClusteredVectors.Unit(ClusteredVectors.Gaussian(random, dimensions, 1f));
        var codes = new sbyte[dimensions];

        var scale = Int8Quantizer.Quantize(vector, codes);
        var restored = codes.Select(c => c * scale).ToArray();

        var maxAbs = vector.Max(MathF.Abs);
        Assert.Equal(maxAbs / 127f, scale, 1e-6f);
        for (var i = 0; i < dimensions; i++)
        {
            Assert.InRange(MathF.Abs(restored[i] - vector[i]), 0f, (scale / 2f) + 1e-6f);
        }
    }

    [Fact]
    public void Quantize_LargestComponentMapsToFullRange_AndSignIsKept()
    {
        float[] vector = [0.5f, -0.25f, 0f, -1f, 0.001f];
        var codes = new sbyte[vector.Length];

        var scale = Int8Quantizer.Quantize(vector, codes);

        Assert.Equal(1f / 127f, scale, 1e-7f);
        Assert.Equal([64, -32, 0, -127, 0], codes.Select(c => (int)c));
    }

    [Fact]
    public void Quantize_ZeroVector_GivesZeroScaleAndZeroCodes()
    {
        var codes = new sbyte[] { 1, 2, 3 };

        var scale = Int8Quantizer.Quantize(new float[3], codes);

        Assert.Equal(0f, scale);
        Assert.All(codes, c => Assert.Equal(0, c));
    }

    [Fact]
    public void Quantize_CodesOfDifferentLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => Int8Quantizer.Quantize(new float[4], new sbyte[3]));
    }
}
