using BenchmarkDotNet.Attributes;
using KnowledgeBase.Core.Indexing.Vectors;

namespace KnowledgeBase.Benchmarks;

/// <summary>One top-10 search over 100k clustered 512-d vectors, one core and all cores.</summary>
[MemoryDiagnoser]
public class DenseScanBenchmarks
{
    private const int Dimensions = 512;
    private VectorBlock[] _blocks = [];
    private float[] _query = [];

    [Params(1, 2)]
    public int Parallelism { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var values = SyntheticVectors.Create(100_000, Dimensions, clusters: 100, centreSeed: 7, rowSeed: 1);
        _blocks = [VectorBlock.FromRowMajor(values, Dimensions)];
        _query = SyntheticVectors.Create(1, Dimensions, clusters: 100, centreSeed: 7, rowSeed: -1);
    }

    [Benchmark]
    public IReadOnlyList<VectorHit> Search100k() =>
        DenseScanner.Search(_query, _blocks, 10, maxDegreeOfParallelism: Parallelism);
}
