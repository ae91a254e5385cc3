using KnowledgeBase.Core.Documents.Metadata;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Search;

public sealed class SearchResultCacheTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task ASearchAskedAgain_IsServedFromCache_UntilACommitChangesTheIndex()
    {
        using var index = KeywordIndex.OpenForWriting(_temp.Combine("index"));
        IndexedDocuments.Add(index, "a", "The national CIRT coordinates incident response.", new DocumentMetadata { Title = "Policy A" });
        var search = new SearchService(index, new SearchOptions { DefaultMode = SearchMode.Bm25 });
        var request = new SearchRequest("incident response") { Filters = new SearchFilters { Languages = ["en"] } };

        await search.SearchAsync(request, CancellationToken.None);
        var second = await search.SearchAsync(request with { Filters = new SearchFilters { Languages = ["en"] } }, CancellationToken.None);
        var third = await search.SearchAsync(request, CancellationToken.None);
        IndexedDocuments.Add(index, "b", "Sector regulators receive incident response reports.", new DocumentMetadata { Title = "Policy B" });
        var afterCommit = await search.SearchAsync(request, CancellationToken.None);

        Assert.Same(second, third);
        Assert.Single(second.Hits);
        Assert.Equal(2, afterCommit.Hits.Count);
    }

    [Fact]
    public async Task ASearchAskedOnce_IsNotKept()
    {
        using var index = KeywordIndex.OpenForWriting(_temp.Combine("index"));
        IndexedDocuments.Add(index, "a", "The national CIRT coordinates incident response.", new DocumentMetadata { Title = "Policy A" });
        var search = new SearchService(index, new SearchOptions { DefaultMode = SearchMode.Bm25 });
        var request = new SearchRequest("incident response");

        var first = await search.SearchAsync(request, CancellationToken.None);
        var second = await search.SearchAsync(request, CancellationToken.None);

        // Computed again: keeping every question asked once only made it live through collections (see the cache).
        Assert.NotSame(first, second);
        Assert.Equal(first.Hits.Select(h => (h.DocumentId, h.Score)), second.Hits.Select(h => (h.DocumentId, h.Score)));
    }

    public void Dispose() => _temp.Dispose();
}
