namespace KnowledgeBase.Core.Search.Evaluation;

/// <summary>
/// Standard ranking metrics over a list of hits. Each judgment is credited once, at the first hit that matches it,
/// so ten passages from one relevant document count as one relevant answer, not ten.
/// </summary>
public static class RetrievalMetrics
{
    public static QueryScores Score(IReadOnlyList<SearchHit> ranked, IReadOnlyList<Judgment> judgments)
    {
        if (judgments.Count == 0)
        {
            throw new ArgumentException("A query needs at least one judgment to be scored.", nameof(judgments));
        }
        var creditedAt = new int?[judgments.Count];
        int? firstRelevant = null;
        for (var rank = 1; rank <= ranked.Count; rank++)
        {
            var hit = ranked[rank - 1];
            for (var j = 0; j < judgments.Count; j++)
            {
                if (judgments[j].Matches(hit))
                {
                    firstRelevant ??= rank;
                    if (creditedAt[j] is null)
                    {
                        creditedAt[j] = rank;
                        break;
                    }
                }
            }
        }
        double RecallAt(int k) => creditedAt.Count(r => r <= k) / (double)judgments.Count;
        return new QueryScores(
            RecallAt(1),
            RecallAt(5),
            RecallAt(10),
            firstRelevant is <= 10 ? 1.0 / firstRelevant.Value : 0,
            Ndcg(creditedAt, judgments, 10));
    }

    /// <summary>The value at a percentile (0–100) of a list, nearest-rank.</summary>
    public static double Percentile(IReadOnlyList<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return 0;
        }
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private static double Ndcg(int?[] creditedAt, IReadOnlyList<Judgment> judgments, int k)
    {
        static double Gain(int relevance) => Math.Pow(2, relevance) - 1;
        var dcg = 0.0;
        for (var j = 0; j < judgments.Count; j++)
        {
            if (creditedAt[j] is { } rank && rank <= k)
            {
                dcg += Gain(judgments[j].Relevance) / Math.Log2(rank + 1);
            }
        }
        var ideal = judgments.Select(j => j.Relevance).OrderDescending().Take(k)
            .Select((relevance, i) => Gain(relevance) / Math.Log2(i + 2)).Sum();
        return ideal == 0 ? 0 : dcg / ideal;
    }
}
