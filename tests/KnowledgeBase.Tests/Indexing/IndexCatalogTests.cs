using KnowledgeBase.Core.Documents.Metadata;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Search;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Indexing;

public sealed class IndexCatalogTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly KeywordIndex _index;

    public IndexCatalogTests() => _index = KeywordIndex.OpenForWriting(_temp.Combine("index"));

    [Fact]
    public void Commit_OfANewDocument_ReusesTheCatalogOfTheSegmentsBeforeIt()
    {
        IndexedDocuments.Add(_index, "first", "Incident response for national teams.", new DocumentMetadata());
        var before = _index.Catalog;

        IndexedDocuments.Add(_index, "second", "Incident handling in telecom networks.", new DocumentMetadata());
        var after = _index.Catalog;

        Assert.NotSame(before, after);
        Assert.Same(before.Segments[0], after.Segments[0]);
        Assert.Equal(["first", "second"], after.All.Select(r => r.Id).Order());
    }

    [Fact]
    public void Delete_InAnEarlierSegment_LeavesTheRecordOutAndHitsKeepTheirDocumentIds()
    {
        IndexedDocuments.Add(_index, "first", "Incident response for national teams.", new DocumentMetadata());
        IndexedDocuments.Add(_index, "second", "Incident handling in telecom networks.", new DocumentMetadata());

        _index.Delete("first");

        Assert.Equal(["second"], _index.Catalog.All.Select(r => r.Id));
        Assert.Equal(["second"], _index.Search(new SearchRequest("incident", 10)).Hits.Select(h => h.DocumentId).Distinct());
    }

    public void Dispose()
    {
        _index.Dispose();
        _temp.Dispose();
    }
}
