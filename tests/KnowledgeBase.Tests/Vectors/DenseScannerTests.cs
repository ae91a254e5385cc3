using System.Numerics.Tensors;
using KnowledgeBase.Core.Indexing.Vectors;

namespace KnowledgeBase.Tests.Vectors;

public sealed class DenseScannerTests
{
    private const int Dimensions = 512;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Search_Clustered5000_TopTenEqualsBruteForceFloat(int parallelism)
    {
        var values = ClusteredVectors.Create(5000, Dimensions, clusters: 20, spread: 0.6f, seed: 1);
        VectorBlock[] blocks = [VectorBlock.FromRowMajor(values, Dimensions)];
        var queries = ClusteredVectors.Create(50, Dimensions, clusters: 20, spread: 0.6f, seed: 1 + 1000);
        var found = 0;

        for (var q = 0; q < 50; q++)
        {
            var query = queries.AsSpan(q * Dimensions, Dimensions);
            var hits = DenseScanner.Search(query, blocks, 10, maxDegreeOfParallelism: parallelism);
            var expected = BruteForce(query, values, 10);

            found += hits.Select(h => h.Row).Intersect(expected.Select(e => e.Row)).Count();
            Assert.Equal(expected.Select(e => e.Score), hits.Select(h => h.Score), (a, b) => MathF.Abs(a - b) < 1e-5f);
        }

        Assert.Equal(500, found);
    }

    [Fact]
    public void Search_ParallelScan_ReturnsExactlyTheSequentialResult()
    {
        var values = ClusteredVectors.Create(30_000, 64, clusters: 10, spread: 0.5f, seed: 2);
        VectorBlock[] blocks = [VectorBlock.FromRowMajor(values.AsSpan(0, 64 * 10_000), 64), VectorBlock.FromRowMajor(values.AsSpan(64 * 10_000), 64)];
        var query = values.AsSpan(64 * 12_345, 64);

        var sequential = DenseScanner.Search(query, blocks, 25, maxDegreeOfParallelism: 1);
        var parallel = DenseScanner.Search(query, blocks, 25, maxDegreeOfParallelism: 3);

        Assert.Equal(sequential, parallel);
        Assert.Equal(new VectorHit(1, 2_345, sequential[0].Score), sequential[0]);
    }

    [Fact]
    public void Search_AcceptFilter_ExcludesRejectedRows()
    {
        var values = ClusteredVectors.Create(2000, 32, clusters: 5, spread: 0.5f, seed: 3);
        VectorBlock[] blocks = [VectorBlock.FromRowMajor(values, 32)];
        var query = values.AsSpan(0, 32);

        var hits = DenseScanner.Search(query, blocks, 20, accept: (_, row) => row % 2 == 1);
        var expected = BruteForce(query, values, 20, row => row % 2 == 1);

        Assert.All(hits, h => Assert.Equal(1, h.Row % 2));
        Assert.Equal(expected.Select(e => e.Row), hits.Select(h => h.Row));
    }

    [Fact]
    public void Search_KLargerThanRowCount_ReturnsEveryRowBestFirst()
    {
        var values = ClusteredVectors.Create(7, 16, clusters: 2, spread: 0.5f, seed: 4);
        VectorBlock[] blocks = [VectorBlock.FromRowMajor(values, 16)];

        var hits = DenseScanner.Search(values.AsSpan(3 * 16, 16), blocks, 100);

        Assert.Equal(7, hits.Count);
        Assert.Equal(3, hits[0].Row);
        Assert.Equal(1f, hits[0].Score, 1e-5f);
        Assert.Equal(hits.OrderByDescending(h => h.Score).Select(h => h.Row), hits.Select(h => h.Row));
    }

    [Fact]
    public void Search_EmptyBlocksAndNoBlocks_ReturnNothingOrSkipTheEmptyOnes()
    {
        var values = ClusteredVectors.Create(5, 8, clusters: 1, spread: 0.5f, seed: 5);
        var empty = VectorBlock.FromRowMajor(ReadOnlySpan<float>.Empty, 8);
        var full = VectorBlock.FromRowMajor(values, 8);

        Assert.Empty(DenseScanner.Search(values.AsSpan(0, 8), [], 3));
        Assert.Empty(DenseScanner.Search(values.AsSpan(0, 8), [empty, empty], 3));
        var hits = DenseScanner.Search(values.AsSpan(0, 8), [empty, full, empty], 3);

        Assert.Equal(3, hits.Count);
        Assert.All(hits, h => Assert.Equal(1, h.BlockIndex));
        Assert.Equal(0, hits[0].Row);
    }

    [Fact]
    public void Search_SeveralBlocks_MergesAsOneCollection()
    {
        var values = ClusteredVectors.Create(900, 24, clusters: 6, spread: 0.5f, seed: 6);
        VectorBlock[] blocks =
        [
            VectorBlock.FromRowMajor(values.AsSpan(0, 24 * 300), 24),
            VectorBlock.FromRowMajor(values.AsSpan(24 * 300, 24 * 100), 24, keepFullVectors: false),
            VectorBlock.FromRowMajor(values.AsSpan(24 * 400), 24, row => values.AsSpan((400 + row) * 24, 24)),
        ];
        int[] starts = [0, 300, 400];
        var query = values.AsSpan(24 * 650, 24);

        var hits = DenseScanner.Search(query, blocks, 5, rescoreFactor: 50);
        var expected = BruteForce(query, values, 5);

        Assert.Equal(expected.Select(e => e.Row), hits.Select(h => starts[h.BlockIndex] + h.Row));
        Assert.Equal(new VectorHit(2, 250, 1f), hits[0] with { Score = MathF.Round(hits[0].Score, 4) });
    }

    [Fact]
    public void Search_TiedScores_OrderByBlockThenRow()
    {
        var row = ClusteredVectors.Create(1, 16, clusters: 1, spread: 0.5f, seed: 7);
        var same = Enumerable.Repeat(row, 4).SelectMany(r => r).ToArray();
        VectorBlock[] blocks = [VectorBlock.FromRowMajor(same, 16), VectorBlock.FromRowMajor(same, 16)];

        var first = DenseScanner.Search(row, blocks, 5);
        var again = DenseScanner.Search(row, blocks, 5, maxDegreeOfParallelism: 2);

        Assert.Equal([(0, 0), (0, 1), (0, 2), (0, 3), (1, 0)], first.Select(h => (h.BlockIndex, h.Row)));
        Assert.Equal(first, again);
    }

    [Fact]
    public void Search_QueryOfOtherDimensions_Throws()
    {
        VectorBlock[] blocks = [VectorBlock.FromRowMajor(new float[32], 16)];

        Assert.Throws<ArgumentException>(() => DenseScanner.Search(new float[8], blocks, 1));
    }

    [Fact]
    public void Block_ReportsSizes_AndRescoresFromARowReaderAsFromKeptFloats()
    {
        var values = ClusteredVectors.Create(10, 512, clusters: 2, spread: 0.5f, seed: 8);
        var block = VectorBlock.FromRowMajor(values, 512);

        var reloaded = VectorBlock.FromRowMajor(values, 512, row => values.AsSpan(row * 512, 512));

        Assert.Equal((10, 512, 516), (block.Count, block.Dimensions, block.BytesPerVector));
        Assert.Equal((10L * 516) + (10L * 512 * 4), block.MemoryBytes);
        Assert.Equal(DenseScanner.Search(values.AsSpan(512, 512), [block], 3), DenseScanner.Search(values.AsSpan(512, 512), [reloaded], 3));
    }

    private static List<(int Row, float Score)> BruteForce(ReadOnlySpan<float> query, float[] values, int k, Func<int, bool>? accept = null)
    {
        var dimensions = query.Length;
        var scored = new List<(int Row, float Score)>();
        for (var row = 0; row < values.Length / dimensions; row++)
        {
            if (accept is null || accept(row))
            {
                scored.Add((row, TensorPrimitives.CosineSimilarity(query, values.AsSpan(row * dimensions, dimensions))));
            }
        }
        return [.. scored.OrderByDescending(s => s.Score).ThenBy(s => s.Row).Take(k)];
    }
}
