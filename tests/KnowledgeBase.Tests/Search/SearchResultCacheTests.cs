using KnowledgeBase.Core.Documents.Metadata;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Search;

public sealed class SearchResultCacheTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task ARepeatedSearch_IsServedFromCache_UntilACommitChangesTheIndex()
    {
        using var index = KeywordIndex.OpenForWriting(_temp.Combine("index"));
        IndexedDocuments.Add(index, "a", "The national CIRT coordinates incident response.", new DocumentMetadata { Title = "Policy A" });
        var search = new SearchService(index, new SearchOptions { DefaultMode = SearchMode.Bm25 });
        var request = new SearchRequest("incident response") { Filters = new SearchFilters { Languages = ["en"] } };

        var first = await search.SearchAsync(request, CancellationToken.None);
        var again = await search.SearchAsync(request with { Filters = new SearchFilters { Languages = ["en"] } }, CancellationToken.None);
        IndexedDocuments.Add(index, "b", "Sector regulators receive incident response reports.", new DocumentMetadata { Title = "Policy B" });
        var afterCommit = await search.SearchAsync(request, CancellationToken.None);

        Assert.Same(first, again);
        Assert.Single(first.Hits);
        Assert.Equal(2, afterCommit.Hits.Count);
    }

    public void Dispose() => _temp.Dispose();
}
