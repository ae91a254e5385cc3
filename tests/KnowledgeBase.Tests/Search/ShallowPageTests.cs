using KnowledgeBase.Core.Search;
using Lucene.Net.Search;

namespace KnowledgeBase.Tests.Search;

public sealed class ShallowPageTests
{
    private const int Depth = 5;

    [Fact]
    public void IsSettled_PageAboveTheFloorAndUndeferred_IsSettled()
    {
        var ranked = Ranked(("a", 9), ("b", 8), ("c", 7), ("d", 6), ("e", 5));

        Assert.True(ShallowPage.IsSettled(Candidates(ranked), Depth, ranked, ranked[..2], wanted: 2));
    }

    [Fact]
    public void IsSettled_APassageOfThePageBelowTheLastCandidatesScore_IsNotSettled()
    {
        // An unseen passage may score as much as the last candidate, and a superseded edition's halved score below it.
        var ranked = Ranked(("a", 9), ("b", 8), ("c", 7), ("d", 6), ("e", 5));
        var weighted = ranked.Select(p => p.DocumentId == "b" ? p with { Score = 4 } : p).OrderByDescending(p => p.Score).ToList();

        Assert.False(ShallowPage.IsSettled(Candidates(ranked), Depth, weighted, weighted[..5], wanted: 5));
    }

    [Fact]
    public void IsSettled_APageThatNeedsADeferredPassage_IsNotSettled()
    {
        // Four passages of one document: the fourth waits behind every other document's, seen or not.
        var ranked = Ranked(("a", 9), ("a", 8), ("a", 7), ("a", 6), ("e", 5));
        var diversified = new[] { ranked[0], ranked[1], ranked[2], ranked[4], ranked[3] };

        Assert.False(ShallowPage.IsSettled(Candidates(ranked), Depth, ranked, diversified[..5], wanted: 5));
        Assert.True(ShallowPage.IsSettled(Candidates(ranked), Depth, ranked, diversified[..3], wanted: 3));
    }

    [Fact]
    public void IsSettled_FewerMatchesThanTheDepth_IsSettled()
    {
        var ranked = Ranked(("a", 9), ("a", 8), ("a", 7), ("a", 6));

        Assert.True(ShallowPage.IsSettled(Candidates(ranked), Depth, ranked, ranked, wanted: 10));
    }

    [Fact]
    public void IsSettled_ShorterPageThanAskedFromAFullList_IsNotSettled()
    {
        var ranked = Ranked(("a", 9), ("b", 8), ("c", 7), ("d", 6), ("e", 5));

        Assert.False(ShallowPage.IsSettled(Candidates(ranked), Depth, ranked, ranked[..2], wanted: 10));
    }

    private static List<RankedPassage> Ranked(params (string Document, float Score)[] passages) =>
        passages.Select((p, i) => new RankedPassage(i, p.Document, p.Score)).ToList();

    private static List<ScoreDoc> Candidates(IEnumerable<RankedPassage> ranked) =>
        ranked.Select(p => new ScoreDoc(p.Doc, p.Score)).OrderByDescending(d => d.Score).ToList();
}
