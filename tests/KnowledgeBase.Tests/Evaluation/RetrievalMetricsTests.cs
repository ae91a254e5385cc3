using KnowledgeBase.Core.Search;
using KnowledgeBase.Core.Search.Evaluation;

namespace KnowledgeBase.Tests.Evaluation;

public sealed class RetrievalMetricsTests
{
    [Fact]
    public void Score_KnownRanking_GivesKnownNumbers()
    {
        // Relevant: a.pdf clause 6 (rel 2) and b.txt anywhere (rel 1); they come at ranks 3 and 5.
        var ranked = Hits(("x.pdf", "1"), ("a.pdf", "5"), ("a.pdf", "6.2"), ("a.pdf", "6.3"), ("b.txt", null));
        Judgment[] judgments = [new("a.pdf", "6", 2), new("b.txt", null, 1)];

        var scores = RetrievalMetrics.Score(ranked, judgments);

        Assert.Equal(0, scores.RecallAt1);
        Assert.Equal(1, scores.RecallAt5);
        Assert.Equal(1.0 / 3, scores.ReciprocalRankAt10, 6);
        // DCG = 3/log2(4) + 1/log2(6); IDCG = 3/log2(2) + 1/log2(3)
        var expected = (3 / Math.Log2(4) + 1 / Math.Log2(6)) / (3 + 1 / Math.Log2(3));
        Assert.Equal(expected, scores.NdcgAt10, 6);
    }

    [Fact]
    public void Score_SameDocumentTwice_IsCreditedOnce()
    {
        var ranked = Hits(("a.pdf", "1"), ("a.pdf", "2"));
        Judgment[] judgments = [new("a.pdf", null, 1), new("c.pdf", null, 1)];

        var scores = RetrievalMetrics.Score(ranked, judgments);

        Assert.Equal(0.5, scores.RecallAt10);
        Assert.Equal(1, scores.ReciprocalRankAt10);
    }

    [Fact]
    public void Score_NothingRelevantInTopTen_IsZero()
    {
        var ranked = Hits(Enumerable.Range(0, 12).Select(i => (i == 11 ? "a.pdf" : $"n{i}.pdf", (string?)null)).ToArray());

        var scores = RetrievalMetrics.Score(ranked, [new Judgment("a.pdf", null, 2)]);

        Assert.Equal(0, scores.ReciprocalRankAt10);
        Assert.Equal(0, scores.NdcgAt10);
        Assert.Equal(0, scores.RecallAt10);
    }

    [Fact]
    public void Percentile_NearestRank()
    {
        double[] values = [5, 1, 4, 2, 3];

        Assert.Equal(3, RetrievalMetrics.Percentile(values, 50));
        Assert.Equal(5, RetrievalMetrics.Percentile(values, 95));
    }

    private static SearchHit[] Hits(params (string File, string? Clause)[] hits) =>
        hits.Select((h, i) => new SearchHit($"d{i}", h.File, null, $"/corpus/{h.File}", h.Clause, "", 1, 1, 10 - i, "", 0)).ToArray();
}
