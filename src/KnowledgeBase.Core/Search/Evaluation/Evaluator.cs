using System.Diagnostics;

namespace KnowledgeBase.Core.Search.Evaluation;

/// <summary>Runs every query of a set through a search and averages the metrics, overall and per kind.</summary>
public static class Evaluator
{
    private const int Depth = 10;

    public static async Task<IReadOnlyList<EvaluationRow>> RunAsync(
        Func<SearchRequest, CancellationToken, Task<SearchResults>> search, EvaluationSet set, EvaluationVariant variant, CancellationToken cancellationToken)
    {
        var results = new List<(EvaluationQuery Query, QueryScores Scores, double Milliseconds)>();
        foreach (var query in set.Queries)
        {
            var request = new SearchRequest(query.Query, Depth)
            {
                Mode = variant.Mode,
                ExpandQuery = variant.ExpandQuery,
                GroupByDocument = variant.GroupByDocument,
            };
            var stopwatch = Stopwatch.StartNew();
            var hits = (await search(request, cancellationToken)).Hits;
            var elapsed = stopwatch.Elapsed.TotalMilliseconds;
            results.Add((query, RetrievalMetrics.Score(hits, query.Judgments), elapsed));
        }
        var rows = new List<EvaluationRow> { Summarise(variant.Name, "all", results) };
        rows.AddRange(results.GroupBy(r => r.Query.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Summarise(variant.Name, g.Key, g.ToList())));
        return rows;
    }

    private static EvaluationRow Summarise(string variant, string kind, List<(EvaluationQuery Query, QueryScores Scores, double Milliseconds)> results)
    {
        double Mean(Func<QueryScores, double> metric) => results.Count == 0 ? 0 : results.Average(r => metric(r.Scores));
        var latencies = results.Select(r => r.Milliseconds).ToList();
        return new EvaluationRow(variant, kind, results.Count,
            Mean(s => s.RecallAt1), Mean(s => s.RecallAt5), Mean(s => s.RecallAt10), Mean(s => s.ReciprocalRankAt10), Mean(s => s.NdcgAt10),
            RetrievalMetrics.Percentile(latencies, 50), RetrievalMetrics.Percentile(latencies, 95));
    }
}
