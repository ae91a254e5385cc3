using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Tests.Search;

public sealed class TopHitsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(5000)]
    public void ToTopDocs_KeepsTheBestByScoreThenEarlierDocument(int size)
    {
        // Scores from a few values, so many ties: the earlier document must win each one, as in Lucene's collector.
        var random = new Random(12);
        var offered = Enumerable.Range(0, 2000).Select(doc => (Doc: doc, Score: random.Next(50) / 7f)).ToList();
        var top = new TopHits(size);
        foreach (var (doc, score) in offered)
        {
            top.Offer(doc, score);
        }

        var best = top.ToTopDocs(offered.Count);

        var expected = offered.OrderByDescending(h => h.Score).ThenBy(h => h.Doc).Take(size).ToList();
        Assert.Equal(expected, best.ScoreDocs.Select(d => (d.Doc, d.Score)));
        Assert.Equal(offered.Count, best.TotalHits);
    }
}
