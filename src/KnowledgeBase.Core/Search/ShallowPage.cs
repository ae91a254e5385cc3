using Lucene.Net.Search;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// Whether a page ranked from the best <c>depth</c> BM25 candidates is the page the full candidate list would give.
/// A passage beyond the list scores at most the list's last score, and weighting (superseded editions) only lowers
/// scores; so when every passage of the page scores above that floor and is among the first
/// <see cref="RankingConstants.PassagesPerDocument"/> of its document (not deferred by diversification), no unseen
/// passage could come before or between them, and grouping by document keeps the same first passages too.
/// </summary>
internal static class ShallowPage
{
    public static bool IsSettled(IReadOnlyList<ScoreDoc> candidates, int depth, IReadOnlyList<RankedPassage> ranked, IReadOnlyList<RankedPassage> prefix, int wanted)
    {
        if (candidates.Count < depth)
        {
            return true; // every matching passage is a candidate
        }
        if (prefix.Count < wanted)
        {
            return false;
        }
        var floor = candidates[^1].Score;
        var perDocument = new Dictionary<string, int>(StringComparer.Ordinal);
        var undeferred = new HashSet<int>();
        foreach (var passage in ranked)
        {
            var count = perDocument[passage.DocumentId] = perDocument.GetValueOrDefault(passage.DocumentId) + 1;
            if (count <= RankingConstants.PassagesPerDocument)
            {
                undeferred.Add(passage.Doc);
            }
        }
        return prefix.All(p => p.Score > floor && undeferred.Contains(p.Doc));
    }
}
