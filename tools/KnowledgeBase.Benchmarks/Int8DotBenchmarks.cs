using BenchmarkDotNet.Attributes;
using KnowledgeBase.Core.Indexing.Vectors;

namespace KnowledgeBase.Benchmarks;

/// <summary>The int8 dot product on one row, vectorised against its scalar definition.</summary>
[MemoryDiagnoser]
public class Int8DotBenchmarks
{
    private sbyte[] _a = [];
    private sbyte[] _b = [];

    [Params(384, 512, 1024)]
    public int Dimensions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _a = new sbyte[Dimensions];
        _b = new sbyte[Dimensions];
        random.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_a.AsSpan()));
        random.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_b.AsSpan()));
    }

    [Benchmark(Baseline = true)]
    public int Scalar() => Int8DotProduct.DotScalar(_a, _b);

    [Benchmark]
    public int Vectorised() => Int8DotProduct.Dot(_a, _b);
}
