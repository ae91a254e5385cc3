using BenchmarkDotNet.Running;
using KnowledgeBase.Benchmarks;

// kb benchmarks: `dense` (vector scan latency table), `embeddings` (embedding throughput), `embeddings-profile`
// (op times of one forward pass), `search-profile`
// (stage breakdown and end-to-end latency of searches), `topk` (Lucene vs term-at-a-time BM25 top-k), `first-pass` (full query vs. body fields only, cost and quality), `export-pages` (inputs of tools/bench-lucene-java.sh),
// `compare` (countries × topics comparison latency), `cluster-lag` and `search-latency` (tools/bench-cluster.sh),
// `page-stages` (inside the stored-fields and snippet stages), `snippet-cache` (snippets with the analysed-passage
// cache cold and warm), `rewrite-index` (an index copied into one segment of
// a chosen format), `bdn` (BenchmarkDotNet).
switch (args.FirstOrDefault())
{
    case "dense":
        return DenseSearchBenchmark.Run(args);
    case "export-pages":
        return PageExport.Run(args);
    case "search-profile":
        return SearchProfile.Run(args);
    case "rewrite-index":
        return RewriteIndex.Run(args);
    case "topk":
        return TopKExperiment.Run(args);
    case "first-pass":
        return FirstPassExperiment.Run(args);
    case "embeddings":
        return EmbeddingThroughput.Run(args);
    case "embeddings-profile":
        return GraphProfile.Run(args);
    case "compare":
        return CompareBenchmark.Run(args);
    case "cluster-lag":
        return await ClusterBenchmark.RunLagAsync(args);
    case "search-latency":
        return ClusterBenchmark.RunSearchLatency(args);
    case "page-stages":
        return PageStagesProfile.Run(args);
    case "snippet-cache":
        return SnippetCacheProfile.Run(args);
    case "bdn":
        BenchmarkSwitcher.FromAssembly(typeof(DenseSearchBenchmark).Assembly).Run(args[1..]);
        return 0;
    default:
        Console.Error.WriteLine("usage: KnowledgeBase.Benchmarks dense|embeddings|embeddings-profile|search-profile|page-stages|snippet-cache|topk|rewrite-index|first-pass|export-pages|compare|cluster-lag|search-latency|bdn [options]");
        return 2;
}
