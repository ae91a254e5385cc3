using System.Globalization;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Core.Search.Evaluation;
using Lucene.Net.Search;

namespace KnowledgeBase.Benchmarks;

/// <summary>
/// BM25 top-k of the query `kb search` builds, scored by Lucene (the nested Boolean query: words × languages ×
/// fields) against <see cref="TermAtATimeSearch"/> over its flattened clauses: thread CPU per query (warm, the two
/// interleaved in turning order), and whether the two return the same documents in the same order and scores.
/// Usage: topk --index DIR --queries FILE.jsonl [--depth 100] [--term-cache warm|fresh|empty] (see <see cref="TermCacheMode"/>)
/// </summary>
public static class TopKExperiment
{
    public static int Run(string[] args)
    {
        var indexPath = SearchProfile.Option(args, "--index");
        var queryFile = SearchProfile.Option(args, "--queries");
        if (indexPath is null || queryFile is null || !File.Exists(queryFile))
        {
            Console.Error.WriteLine("usage: topk --index DIR --queries FILE.jsonl [--depth 100] [--term-cache warm|fresh|empty]");
            return 2;
        }
        var depth = int.Parse(SearchProfile.Option(args, "--depth") ?? "100", CultureInfo.InvariantCulture);
        var queries = SearchProfile.ReadQueries(queryFile);
        var termCache = TermCacheMode.FromArgs(args);
        using var index = KeywordIndex.OpenForReading(indexPath);
        var variants = new[] { "Lucene, nested Boolean query", "term at a time, flat" };
        index.Read((searcher, catalog) =>
        {
            // The first pass warms the JIT, the page cache and the term dictionaries; the second is measured.
            for (var pass = 0; pass < 2; pass++)
            {
                termCache.BeforePass(searcher, pass);
                var cpu = variants.ToDictionary(v => v, _ => new List<double>());
                var allocated = variants.ToDictionary(v => v, _ => 0L);
                var building = new List<double>();
                int otherDocs = 0, otherScores = 0;
                long clauses = 0;
                foreach (var (text, number) in queries.Select((q, i) => (q, i)))
                {
                    var built = ThreadCpuTime.Milliseconds();
                    var (nested, _) = KeywordQueryBuilder.Build(text, index.QueryAnalyzer, null, catalog.IndexedFields);
                    building.Add(ThreadCpuTime.Milliseconds() - built);
                    var results = new Dictionary<string, ScoreDoc[]>();
                    termCache.BeforeQuery(searcher, pass);
                    foreach (var variant in number % 2 == 0 ? variants : variants.Reverse())
                    {
                        var bytes = GC.GetAllocatedBytesForCurrentThread();
                        var start = ThreadCpuTime.Milliseconds();
                        results[variant] = variant == variants[0]
                            ? searcher.Search(nested, depth).ScoreDocs
                            : TermAtATimeSearch.Search(searcher, DisjunctionFlattener.Flatten(nested) ?? [], depth).ScoreDocs;
                        cpu[variant].Add(ThreadCpuTime.Milliseconds() - start);
                        allocated[variant] += GC.GetAllocatedBytesForCurrentThread() - bytes;
                    }
                    clauses += DisjunctionFlattener.Flatten(nested)?.Count ?? 0;
                    var (lucene, ours) = (results[variants[0]], results[variants[1]]);
                    otherDocs += lucene.Select(d => d.Doc).SequenceEqual(ours.Select(d => d.Doc)) ? 0 : 1;
                    otherScores += lucene.Select(d => d.Score).SequenceEqual(ours.Select(d => d.Score)) ? 0 : 1;
                }
                if (pass == 1)
                {
                    Console.WriteLine($"BM25 top-{depth}, {queries.Count} queries ({clauses / Math.Max(1, queries.Count)} term clauses a query on average), thread CPU ms per query, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}:");
                    Console.WriteLine();
                    Console.WriteLine("| scorer | p50 | p95 | p99 | mean | KB allocated a query |");
                    Console.WriteLine("|---|---:|---:|---:|---:|---:|");
                    foreach (var variant in variants)
                    {
                        var t = cpu[variant];
                        Console.WriteLine($"| {variant} | {RetrievalMetrics.Percentile(t, 50):F2} | {RetrievalMetrics.Percentile(t, 95):F2} | {RetrievalMetrics.Percentile(t, 99):F2} | {t.Average():F2} | {allocated[variant] / 1024.0 / queries.Count:F0} |");
                    }
                    Console.WriteLine($"| (building the query: language guess, analysis, parse) | {RetrievalMetrics.Percentile(building, 50):F2} | {RetrievalMetrics.Percentile(building, 95):F2} | {RetrievalMetrics.Percentile(building, 99):F2} | {building.Average():F2} | |");
                    Console.WriteLine();
                    Console.WriteLine($"Queries whose top {depth} differ in documents or order: {otherDocs}; in some score (last-bit rounding of the sums): {otherScores}.");
                    Console.WriteLine($"Term cache {termCache.Name}; {TermCacheMode.Describe(searcher)}.");
                    // What caching every clause of the index would hold: the bound is chosen against this.
                    var postings = searcher.IndexReader.Leaves.Sum(leaf => catalog.IndexedFields.Sum(field => leaf.AtomicReader.GetTerms(field)?.SumDocFreq ?? 0));
                    var terms = searcher.IndexReader.Leaves.Sum(leaf => catalog.IndexedFields.Sum(field => leaf.AtomicReader.GetTerms(field)?.Count ?? 0));
                    Console.WriteLine($"The searched fields hold {terms:N0} terms with {postings:N0} postings in all.");
                }
            }
            return 0;
        }, 0);
        return 0;
    }
}
