using KnowledgeBase.Core.Answers;
using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Tests.Answers;

public sealed class DocumentFocusTests
{
    [Fact]
    public void Choose_LeadingDocument_TakesItsPassagesFromDeeperInThePoolAndRenumbersThem()
    {
        // Ranking lets a document's fourth passage follow other documents' first three.
        var pool = Pool(("sp800-61", 10f), ("sp800-61", 9f), ("sp800-61", 8f), ("strategy", 6f), ("glossary", 5f), ("sp800-61", 7f));

        var chosen = DocumentFocus.Choose(pool, count: 4, margin: 0.5);

        Assert.All(chosen, p => Assert.Equal("sp800-61", p.Hit.DocumentId));
        Assert.Equal([10f, 9f, 8f, 7f], chosen.Select(p => p.Hit.Score));
        Assert.Equal([1, 2, 3, 4], chosen.Select(p => p.Number));
    }

    [Fact]
    public void Choose_CloseRunnerUp_KeepsTheBestPassagesOverall()
    {
        var pool = Pool(("sp800-61", 10f), ("strategy", 9.5f), ("sp800-61", 9f), ("glossary", 5f));

        var chosen = DocumentFocus.Choose(pool, count: 3, margin: 0.1);

        Assert.Equal(pool.Take(3), chosen);
    }

    [Fact]
    public void Choose_NegativeMargin_NeverFocuses()
    {
        var pool = Pool(("sp800-61", 10f), ("strategy", 1f), ("sp800-61", 9f));

        Assert.Equal(pool.Take(2), DocumentFocus.Choose(pool, count: 2, margin: -1));
    }

    [Fact]
    public void Choose_OneDocumentOnly_IsThatDocument()
    {
        var pool = Pool(("sp800-61", 3f), ("sp800-61", 2f));

        Assert.Equal(2, DocumentFocus.Choose(pool, count: 8, margin: 0.2).Count);
    }

    private static List<NumberedPassage> Pool(params (string Document, float Score)[] hits) =>
        hits.Select((h, i) => new NumberedPassage(i + 1, new SearchHit(h.Document, h.Document, null, h.Document + ".pdf", null, "", 1, 1, h.Score, "", i)))
            .ToList();
}
