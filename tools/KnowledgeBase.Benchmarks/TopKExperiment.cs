using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Core.Search.Evaluation;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Benchmarks;

/// <summary>Scratch: BM25 top-k of the nested query against a flattened one and term-at-a-time accumulation.</summary>
public static class TopKExperiment
{
    public static int Run(string[] args)
    {
        var indexPath = args[Array.IndexOf(args, "--index") + 1];
        var queryFile = args[Array.IndexOf(args, "--queries") + 1];
        var depth = 100;
        var queries = File.ReadLines(queryFile).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("query").GetString()!).ToList();
        using var index = KeywordIndex.OpenForReading(indexPath);
        var variants = new[] { "nested", "flat", "taat" };
        index.Read((searcher, catalog) =>
        {
            for (var pass = 0; pass < 2; pass++)
            {
                var cpu = variants.ToDictionary(v => v, _ => new List<double>());
                var differ = variants.ToDictionary(v => v, _ => 0);
                var scoreDiffer = variants.ToDictionary(v => v, _ => 0);
                long clauses = 0;
                foreach (var (text, number) in queries.Select((q, i) => (q, i)))
                {
                    var (full, _) = KeywordQueryBuilder.Build(text, index.QueryAnalyzer, null, catalog.IndexedFields);
                    var flat = DisjunctionFlattener.Flatten(full)!;
                    clauses += flat.Clauses.Count;
                    var results = new Dictionary<string, ScoreDoc[]>();
                    foreach (var variant in variants.Skip(number % 3).Concat(variants.Take(number % 3)))
                    {
                        var start = ThreadCpuTime.Milliseconds();
                        results[variant] = variant switch
                        {
                            "nested" => searcher.Search(full, depth).ScoreDocs,
                            "flat" => searcher.Search(flat, depth).ScoreDocs,
                            _ => TermAtATimeSearch.Search(searcher, flat, depth).ScoreDocs,
                        };
                        cpu[variant].Add(ThreadCpuTime.Milliseconds() - start);
                    }
                    foreach (var v in variants)
                    {
                        if (!results[v].Select(d => d.Doc).SequenceEqual(results["nested"].Select(d => d.Doc))) differ[v]++;
                        if (!results[v].Select(d => (d.Doc, d.Score)).SequenceEqual(results["flat"].Select(d => (d.Doc, d.Score)))) scoreDiffer[v]++;
                    }
                }
                Console.WriteLine($"taat weights total ms {WeightMs:F0}, postings per query {Postings / (double)queries.Count:F0}, leaves {searcher.IndexReader.Leaves.Count}, maxDoc {searcher.IndexReader.MaxDoc}");
                WeightMs = 0; Postings = 0;
                Console.WriteLine($"pass {pass}: {queries.Count} queries, mean clauses {clauses / (double)queries.Count:F0}");
                foreach (var v in variants)
                {
                    var t = cpu[v];
                    Console.WriteLine($"{v}: p50 {RetrievalMetrics.Percentile(t, 50):F3} p95 {RetrievalMetrics.Percentile(t, 95):F3} p99 {RetrievalMetrics.Percentile(t, 99):F3} mean {t.Average():F3}; other docs/order {differ[v]}, other than flat (docs, scores) {scoreDiffer[v]}");
                }
            }
            return 0;
        }, 0);
        return 0;
    }

    internal static BooleanQuery Flatten(Query query)
    {
        var flat = new BooleanQuery(disableCoord: true);
        void Walk(Query q, float boost)
        {
            if (q is BooleanQuery b && b.MinimumNumberShouldMatch == 0 && b.Clauses.All(c => c.Occur == Occur.SHOULD))
            {
                foreach (var c in b.Clauses) Walk(c.Query, boost * b.Boost);
                return;
            }
            var copy = (Query)q.Clone();
            copy.Boost = q.Boost * boost;
            flat.Add(copy, Occur.SHOULD);
        }
        Walk(query, 1f);
        return flat;
    }

    private static double WeightMs;
    private static long Postings;
    internal static ScoreDoc[] TermAtATime(IndexSearcher searcher, BooleanQuery flat, int depth)
    {
        var t0 = ThreadCpuTime.Milliseconds();
        var weights = flat.Clauses.Select(c => searcher.CreateNormalizedWeight(c.Query)).ToList();
        WeightMs += ThreadCpuTime.Milliseconds() - t0;
        var queue = new PriorityQueue<ScoreDoc, (float, int)>(Comparer<(float Score, int Doc)>.Create((a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Doc.CompareTo(a.Doc)));
        int total = 0;
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var maxDoc = leaf.AtomicReader.MaxDoc;
            var acc = new double[maxDoc];
            var seen = new bool[maxDoc];
            foreach (var w in weights)
            {
                var s = w.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
                if (s is null) continue;
                int doc;
                while ((doc = s.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                {
                    acc[doc] += s.GetScore();
                    Postings++;
                    seen[doc] = true;
                }
            }
            for (var d = 0; d < maxDoc; d++)
            {
                if (!seen[d]) continue;
                total++;
                var sd = new ScoreDoc(leaf.DocBase + d, (float)acc[d]);
                if (queue.Count < depth) queue.Enqueue(sd, (sd.Score, sd.Doc));
                else
                {
                    queue.TryPeek(out _, out var min);
                    if (sd.Score > min.Item1 || (sd.Score == min.Item1 && sd.Doc < min.Item2)) { queue.EnqueueDequeue(sd, (sd.Score, sd.Doc)); }
                }
            }
        }
        var result = new ScoreDoc[queue.Count];
        for (var i = result.Length - 1; i >= 0; i--) result[i] = queue.Dequeue();
        return result;
    }
}
