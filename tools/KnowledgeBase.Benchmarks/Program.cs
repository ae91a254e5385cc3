using BenchmarkDotNet.Running;
using KnowledgeBase.Benchmarks;

// kb benchmarks: `dense` (vector scan latency table), `embeddings` (embedding throughput), `bdn` (BenchmarkDotNet).
switch (args.FirstOrDefault())
{
    case "dense":
        return DenseSearchBenchmark.Run(args);
    case "embeddings":
        return EmbeddingThroughput.Run(args);
    case "bdn":
        BenchmarkSwitcher.FromAssembly(typeof(DenseSearchBenchmark).Assembly).Run(args[1..]);
        return 0;
    default:
        Console.Error.WriteLine("usage: KnowledgeBase.Benchmarks dense|embeddings|bdn [options]");
        return 2;
}
