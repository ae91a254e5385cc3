using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using KnowledgeBase.Core.Indexing.Vectors;

namespace KnowledgeBase.Benchmarks;

/// <summary>
/// Latency of <see cref="DenseScanner.Search"/> over synthetic clustered 512-d unit vectors at 10k, 100k and 1M rows,
/// one core and all cores, against a plain float scan. Prints a Markdown table.
/// Options: --sizes 10000,100000,1000000  --queries 300  --dims 512  --k 10.
/// </summary>
internal static class DenseSearchBenchmark
{
    // Blocks of this many rows, like index segments, so no single array has to hold a million floats.
    private const int RowsPerBlock = 100_000;
    private const int WarmUp = 20;
    private const int RecallQueries = 50;
    private const int CentreSeed = 7;

    public static int Run(string[] args)
    {
        var sizes = Option(args, "--sizes", "10000,100000,1000000").Split(',').Select(int.Parse).ToArray();
        var queryCount = int.Parse(Option(args, "--queries", "300"));
        var dimensions = int.Parse(Option(args, "--dims", "512"));
        var k = int.Parse(Option(args, "--k", "10"));

        Console.WriteLine($"Dense scan: {dimensions}-d clustered unit vectors, k={k}, rescoreFactor=4, {queryCount} queries after {WarmUp} warm-up, " +
            $"{Environment.ProcessorCount} cores, AVX2 {System.Runtime.Intrinsics.X86.Avx2.IsSupported}, {Environment.Version}.\n");
        Console.WriteLine("| N | scan | p50 ms | p99 ms | mean ms | recall@10 | bytes/vector int8 | bytes/vector + floats | int8 MB | floats MB | GC heap MB |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var n in sizes)
        {
            RunSize(n, dimensions, k, queryCount);
        }
        return 0;
    }

    private static void RunSize(int n, int dimensions, int k, int queryCount)
    {
        var clusters = Math.Max(10, n / 1000);
        var blocks = new List<VectorBlock>();
        var floats = new List<float[]>();
        for (var start = 0; start < n; start += RowsPerBlock)
        {
            var rows = Math.Min(RowsPerBlock, n - start);
            var values = SyntheticVectors.Create(rows, dimensions, clusters, CentreSeed, rowSeed: start + 1);
            floats.Add(values);
            // Re-scoring reads the floats through a reader, as the lead's store would, so they are held once.
            blocks.Add(VectorBlock.FromRowMajor(values, dimensions, row => values.AsSpan(row * dimensions, dimensions)));
        }
        // Queries share the rows' topics, so they have true near neighbours, but are not rows themselves.
        var queries = SyntheticVectors.Create(queryCount + WarmUp, dimensions, clusters, CentreSeed, rowSeed: -1).Chunk(dimensions).ToArray();
        GC.Collect();
        var heapMb = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
        var int8Mb = blocks.Sum(b => b.MemoryBytes) / 1048576.0;
        var floatMb = floats.Sum(f => (long)f.Length * sizeof(float)) / 1048576.0;
        var bytes = blocks[0].BytesPerVector;
        var withFloats = bytes + (dimensions * sizeof(float));

        var floatScan = n <= 100_000 ? Time(queries, q => FloatScan(q, floats, k)) : null;
        // Recall against the float scan on a sample of queries (at 1M the float scan is too slow for all of them).
        var recall = Recall(queries.Take(RecallQueries), blocks, floats, k);
        var single = Time(queries, q => DenseScanner.Search(q, blocks, k, maxDegreeOfParallelism: 1));
        var parallel = Time(queries, q => DenseScanner.Search(q, blocks, k, maxDegreeOfParallelism: Environment.ProcessorCount));

        void Row(string scan, double[] ms, string recallText) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {n:N0} | {scan} | {Percentile(ms, 0.50):F2} | {Percentile(ms, 0.99):F2} | {ms.Average():F2} | {recallText} | {bytes} | {withFloats} | {int8Mb:F0} | {floatMb:F0} | {heapMb:F0} |"));
        var recallText = recall.ToString("F3", CultureInfo.InvariantCulture);
        Row("int8 + rescore, 1 core", single, recallText);
        Row($"int8 + rescore, {Environment.ProcessorCount} tasks", parallel, recallText);
        if (floatScan is not null)
        {
            Row("float32 scan, 1 core", floatScan, "1.000");
        }
    }

    private static double[] Time(float[][] queries, Action<float[]> search)
    {
        // Until tiered JIT has settled: at least 50 calls and half a second, else the first size's p99 is the JIT.
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < 50 || warmUp.ElapsedMilliseconds < 500; i++)
        {
            search(queries[i % WarmUp]);
        }
        var ms = new double[queries.Length - WarmUp];
        for (var i = WarmUp; i < queries.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            search(queries[i]);
            ms[i - WarmUp] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        return ms;
    }

    private static double Recall(IEnumerable<float[]> queries, List<VectorBlock> blocks, List<float[]> floats, int k)
    {
        double found = 0, total = 0;
        foreach (var query in queries)
        {
            var truth = FloatScan(query, floats, k).ToHashSet();
            found += DenseScanner.Search(query, blocks, k).Count(h => truth.Contains((h.BlockIndex, h.Row)));
            total += truth.Count;
        }
        return found / total;
    }

    // The baseline: exact float dot over every row, what the scan would cost without int8 codes.
    private static List<(int Block, int Row)> FloatScan(float[] query, List<float[]> floats, int k)
    {
        var top = new PriorityQueue<(int Block, int Row), float>();
        for (var b = 0; b < floats.Count; b++)
        {
            for (var row = 0; row < floats[b].Length / query.Length; row++)
            {
                var score = TensorPrimitives.Dot(query, floats[b].AsSpan(row * query.Length, query.Length));
                if (top.Count < k)
                {
                    top.Enqueue((b, row), score);
                }
                else if (top.TryPeek(out _, out var worst) && score > worst)
                {
                    top.DequeueEnqueue((b, row), score);
                }
            }
        }
        return [.. top.UnorderedItems.Select(i => i.Element)];
    }

    private static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}
