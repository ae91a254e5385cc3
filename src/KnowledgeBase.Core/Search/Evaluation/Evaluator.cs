using System.Diagnostics;
using KnowledgeBase.Core.Indexing;

namespace KnowledgeBase.Core.Search.Evaluation;

/// <summary>Runs every query of a set against an index and averages the metrics, overall and per kind.</summary>
public static class Evaluator
{
    private const int Depth = 10;

    public static IReadOnlyList<EvaluationRow> Run(KeywordIndex index, EvaluationSet set)
    {
        var results = new List<(EvaluationQuery Query, QueryScores Scores, double Milliseconds)>();
        foreach (var query in set.Queries)
        {
            var stopwatch = Stopwatch.StartNew();
            var hits = index.Search(new SearchRequest(query.Query, Depth)).Hits;
            var elapsed = stopwatch.Elapsed.TotalMilliseconds;
            results.Add((query, RetrievalMetrics.Score(hits, query.Judgments), elapsed));
        }
        var rows = new List<EvaluationRow> { Summarise("all", results) };
        rows.AddRange(results.GroupBy(r => r.Query.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Summarise(g.Key, g.ToList())));
        return rows;
    }

    private static EvaluationRow Summarise(string kind, List<(EvaluationQuery Query, QueryScores Scores, double Milliseconds)> results)
    {
        double Mean(Func<QueryScores, double> metric) => results.Count == 0 ? 0 : results.Average(r => metric(r.Scores));
        var latencies = results.Select(r => r.Milliseconds).ToList();
        return new EvaluationRow(kind, results.Count,
            Mean(s => s.RecallAt1), Mean(s => s.RecallAt5), Mean(s => s.RecallAt10), Mean(s => s.ReciprocalRankAt10), Mean(s => s.NdcgAt10),
            RetrievalMetrics.Percentile(latencies, 50), RetrievalMetrics.Percentile(latencies, 95));
    }
}
