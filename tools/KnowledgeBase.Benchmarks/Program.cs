using BenchmarkDotNet.Running;
using KnowledgeBase.Benchmarks;

// kb benchmarks: `dense` (vector scan latency table), `embeddings` (embedding throughput), `search-profile`
// (stage breakdown and end-to-end latency of searches), `export-pages` (inputs of tools/bench-lucene-java.sh),
// `compare` (countries × topics comparison latency), `bdn` (BenchmarkDotNet).
switch (args.FirstOrDefault())
{
    case "dense":
        return DenseSearchBenchmark.Run(args);
    case "export-pages":
        return PageExport.Run(args);
    case "search-profile":
        return SearchProfile.Run(args);
    case "embeddings":
        return EmbeddingThroughput.Run(args);
    case "compare":
        return CompareBenchmark.Run(args);
    case "bdn":
        BenchmarkSwitcher.FromAssembly(typeof(DenseSearchBenchmark).Assembly).Run(args[1..]);
        return 0;
    default:
        Console.Error.WriteLine("usage: KnowledgeBase.Benchmarks dense|embeddings|search-profile|export-pages|compare|bdn [options]");
        return 2;
}
