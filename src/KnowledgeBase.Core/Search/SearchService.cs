using KnowledgeBase.Core.Indexing;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// The one entry point for searching, used by every host: BM25 today; dense and hybrid retrieval are added here.
/// Hosts get it from dependency injection so its dependencies can grow without touching them.
/// </summary>
public sealed class SearchService(KeywordIndex keywords)
{
    public Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(keywords.Search(request));
    }
}
