using BenchmarkDotNet.Running;
using KnowledgeBase.Benchmarks;

// kb benchmarks: `dense` (vector scan latency table), `embeddings` (embedding throughput), `cluster-lag`
// and `search-latency` (tools/bench-cluster.sh), `bdn` (BenchmarkDotNet).
switch (args.FirstOrDefault())
{
    case "dense":
        return DenseSearchBenchmark.Run(args);
    case "embeddings":
        return EmbeddingThroughput.Run(args);
    case "cluster-lag":
        return await ClusterBenchmark.RunLagAsync(args);
    case "search-latency":
        return ClusterBenchmark.RunSearchLatency(args);
    case "bdn":
        BenchmarkSwitcher.FromAssembly(typeof(DenseSearchBenchmark).Assembly).Run(args[1..]);
        return 0;
    default:
        Console.Error.WriteLine("usage: KnowledgeBase.Benchmarks dense|embeddings|cluster-lag|search-latency|bdn [options]");
        return 2;
}
