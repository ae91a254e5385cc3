using BenchmarkDotNet.Running;
using KnowledgeBase.Benchmarks;

// kb benchmarks: `dense` (vector scan latency table), `embeddings` (embedding throughput), `compare` (countries ×
// topics comparison latency), `bdn` (BenchmarkDotNet).
switch (args.FirstOrDefault())
{
    case "dense":
        return DenseSearchBenchmark.Run(args);
    case "embeddings":
        return EmbeddingThroughput.Run(args);
    case "compare":
        return CompareBenchmark.Run(args);
    case "bdn":
        BenchmarkSwitcher.FromAssembly(typeof(DenseSearchBenchmark).Assembly).Run(args[1..]);
        return 0;
    default:
        Console.Error.WriteLine("usage: KnowledgeBase.Benchmarks dense|embeddings|compare|bdn [options]");
        return 2;
}
