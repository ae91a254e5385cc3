using KnowledgeBase.Core.Indexing.Vectors;

namespace KnowledgeBase.Tests.Vectors;

public sealed class Int8DotProductTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(48)]
    [InlineData(512)]
    [InlineData(1000)]
    public void Dot_EqualsScalarReference_OnRandomCodes(int length)
    {
        var random = new Random(length + 17);
        for (var trial = 0; trial < 20; trial++)
        {
            var a = RandomCodes(random, length);
            var b = RandomCodes(random, length);

            Assert.Equal(Reference(a, b), Int8DotProduct.Dot(a, b));
            Assert.Equal(Reference(a, b), Int8DotProduct.DotScalar(a, b));
            Assert.Equal(Reference(a, b), Int8DotProduct.DotPortable(a, b));
        }
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(4096)]
    public void Dot_ExtremeCodes_DoNotOverflow(int length)
    {
        // -128 · -128 is the one product that does not fit 15 bits; every lane gets it.
        var a = Enumerable.Repeat(sbyte.MinValue, length).ToArray();
        var b = Enumerable.Repeat(sbyte.MinValue, length).ToArray();

        Assert.Equal(16384L * length, Int8DotProduct.Dot(a, b));
        Assert.Equal(16384L * length, Int8DotProduct.DotPortable(a, b));
    }

    [Fact]
    public void Dot_DifferentLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => Int8DotProduct.Dot(new sbyte[3], new sbyte[4]));
    }

    private static sbyte[] RandomCodes(Random random, int length)
    {
        var codes = new sbyte[length];
        random.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(codes.AsSpan()));
        return codes;
    }

    private static long Reference(sbyte[] a, sbyte[] b)
    {
        long sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += (long)a[i] * b[i];
        }
        return sum;
    }
}
