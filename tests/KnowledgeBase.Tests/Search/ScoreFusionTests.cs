using KnowledgeBase.Core.Search;
using Lucene.Net.Search;

namespace KnowledgeBase.Tests.Search;

public sealed class ScoreFusionTests
{
    private static ScoreDoc[] Ranking(params (int Doc, float Score)[] hits) => hits.Select(h => new ScoreDoc(h.Doc, h.Score)).ToArray();

    [Fact]
    public void Reciprocal_SumsOneOverKPlusRank_AcrossBothLists()
    {
        var keyword = Ranking((1, 9f), (2, 5f), (3, 1f));
        var dense = Ranking((3, 0.9f), (1, 0.8f));

        var fused = ScoreFusion.Reciprocal(keyword, dense, k: 60);

        Assert.Equal([1, 3, 2], fused.Select(d => d.Doc));
        Assert.Equal(1f / 61 + 1f / 62, fused[0].Score, 6);
        Assert.Equal(1f / 63 + 1f / 61, fused[1].Score, 6);
        Assert.Equal(1f / 62, fused[2].Score, 6);
    }

    [Fact]
    public void Blend_ScalesEachListToUnitRange_ThenWeighs()
    {
        var keyword = Ranking((1, 20f), (2, 10f), (3, 0f));
        var dense = Ranking((3, 0.9f), (2, 0.5f), (1, 0.1f));

        var fused = ScoreFusion.Blend(keyword, dense, denseWeight: 0.3f);

        var byDoc = fused.ToDictionary(d => d.Doc, d => d.Score);
        Assert.Equal(0.7f, byDoc[1], 5);
        Assert.Equal(0.7f * 0.5f + 0.3f * 0.5f, byDoc[2], 5);
        Assert.Equal(0.3f, byDoc[3], 5);
        Assert.Equal(1, fused[0].Doc);
    }

    [Fact]
    public void Blend_WeightOne_IsTheDenseOrder_WeightZero_TheKeywordOrder()
    {
        var keyword = Ranking((1, 3f), (2, 2f), (3, 1f));
        var dense = Ranking((3, 0.9f), (2, 0.6f), (1, 0.2f));

        Assert.Equal([3, 2, 1], ScoreFusion.Blend(keyword, dense, 1f).Select(d => d.Doc));
        Assert.Equal([1, 2, 3], ScoreFusion.Blend(keyword, dense, 0f).Select(d => d.Doc));
    }

    [Fact]
    public void Fusion_OfOneEmptyList_KeepsTheOtherOrder_AndTiesBreakByDoc()
    {
        var dense = Ranking((7, 0.5f), (4, 0.5f), (9, 0.1f));

        Assert.Equal([4, 7, 9], ScoreFusion.Blend([], dense, 0.3f).Select(d => d.Doc));
        Assert.Equal([7, 4, 9], ScoreFusion.Reciprocal([], dense, 60).Select(d => d.Doc));
    }
}
