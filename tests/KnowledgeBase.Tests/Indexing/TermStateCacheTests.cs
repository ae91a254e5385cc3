using KnowledgeBase.Core.Documents.Metadata;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Search;
using KnowledgeBase.Tests.Support;
using Lucene.Net.Search;

namespace KnowledgeBase.Tests.Indexing;

public sealed class TermStateCacheTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly KeywordIndex _index;

    public TermStateCacheTests()
    {
        _index = KeywordIndex.OpenForWriting(_temp.Combine("index"));
        IndexedDocuments.Add(_index, "a", "Incident response teams triage security incidents quickly.", new DocumentMetadata { Title = "Incident response" });
        IndexedDocuments.Add(_index, "b", "A national strategy names the team that answers incidents.", new DocumentMetadata { Title = "Strategy" });
        IndexedDocuments.Add(_index, "c", "Réponse aux incidents de sécurité.", new DocumentMetadata { Title = "Réponse" }, language: "fr");
    }

    [Theory]
    [InlineData("incident response team")]
    [InlineData("réponse aux incidents")]
    [InlineData("strategy for a word no passage holds: zyxwvut")]
    public void Bind_ScoresEveryPassageAsAFreshTermLookUpDoes(string text)
    {
        var (fresh, bound, boundAgain) = _index.Read((searcher, catalog) =>
        {
            Query Build() => KeywordQueryBuilder.Build(text, _index.QueryAnalyzer, null, catalog.IndexedFields).Query;
            return (
                Scores(searcher, Build()),
                Scores(searcher, TermStateCache.Bind(Build(), searcher)),
                Scores(searcher, TermStateCache.Bind(Build(), searcher)));
        }, default);

        Assert.NotEmpty(fresh);
        Assert.Equal(fresh, bound);
        Assert.Equal(fresh, boundAgain);
    }

    [Fact]
    public void Search_AfterACommitAddsAndDeletes_SeesTheNewSegmentAndNotTheDeletedPassage()
    {
        var request = new SearchRequest("triage", 10);
        Assert.Equal(["a"], _index.Search(request).Hits.Select(h => h.DocumentId).Order());

        IndexedDocuments.Add(_index, "d", "Triage of incidents by the national team.", new DocumentMetadata { Title = "Triage" });
        _index.Delete("a");

        Assert.Equal(["d"], _index.Search(request).Hits.Select(h => h.DocumentId).Order());
    }

    public void Dispose()
    {
        _index.Dispose();
        _temp.Dispose();
    }

    private static List<(int Doc, float Score)> Scores(IndexSearcher searcher, Query query) =>
        searcher.Search(query, 10).ScoreDocs.Select(d => (d.Doc, d.Score)).ToList();
}
