namespace KnowledgeBase.Core.Answers;

/// <summary>
/// Chooses the passages an extractive answer quotes from. A specific question ("Which team models does SP 800-61
/// describe?") is answered by one document; quoting a sample of many mixes in sentences that only share its words.
/// When the best document's best passage outscores every other document's best passage by the margin, the answer
/// draws on that document's passages alone (as many as an answer may cite); otherwise on the best passages overall.
/// </summary>
internal static class DocumentFocus
{
    /// <param name="pool">Ranked passages, more than an answer cites, so a focused document can bring its further passages.</param>
    /// <param name="count">Passages an answer may cite.</param>
    /// <param name="margin">Relative lead the best document needs (0.2: its score at least 1.2 times the next); negative: never focus.</param>
    public static IReadOnlyList<NumberedPassage> Choose(IReadOnlyList<NumberedPassage> pool, int count, double margin)
    {
        var overall = pool.Take(count).ToList();
        if (margin < 0 || pool.Count == 0)
        {
            return overall;
        }
        var best = pool.GroupBy(p => p.Hit.DocumentId)
            .Select(g => (Passages: g.ToList(), Score: g.Max(p => p.Hit.Score)))
            .OrderByDescending(d => d.Score)
            .ToList();
        var leads = best.Count == 1 || best[1].Score <= 0 || best[0].Score >= best[1].Score * (1 + margin);
        if (!leads)
        {
            return overall;
        }
        return best[0].Passages
            .OrderByDescending(p => p.Hit.Score)
            .Take(count)
            .Select((p, i) => p with { Number = i + 1 })
            .ToList();
    }
}
