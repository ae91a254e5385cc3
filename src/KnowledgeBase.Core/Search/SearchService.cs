using System.Diagnostics.CodeAnalysis;
using KnowledgeBase.Core.Configuration;
using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Core.Indexing;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// The one entry point for searching, used by every host: BM25, dense or hybrid as the request or the configuration
/// asks. A request that names no mode falls back to BM25 when dense retrieval is not possible; one that names
/// dense or hybrid gets a clear error instead.
/// <para>
/// At most one search per core runs at a time, the rest wait their turn in arrival order. A search is CPU work from
/// start to end: more at once only shares the cores between them, and the threads' switching costs throughput (50
/// HTTP clients, distinct bm25 searches: 11% more a second in turn, p99 177 → 152 ms). In turn, a search waits for
/// those ahead of it and then runs at full speed. The semaphore is never disposed: it holds no wait handle (only
/// <see cref="SemaphoreSlim.AvailableWaitHandle"/> would make one).
/// </para>
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "See the summary: nothing to release.")]
public sealed class SearchService(KeywordIndex keywords, SearchOptions options, PassageEmbedder? embedder = null)
{
    private readonly SearchResultCache _cache = new();
    private readonly SemaphoreSlim _turns = new(Environment.ProcessorCount);

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Not the caller's token: a search shared by several requests must not end when the first caller leaves.
        return await _cache.GetOrAddAsync(SearchResultCache.KeyOf(request), keywords.Version, () => SearchInTurnAsync(request));
    }

    private async Task<SearchResults> SearchInTurnAsync(SearchRequest request)
    {
        await _turns.WaitAsync();
        try
        {
            return await SearchUncachedAsync(request, CancellationToken.None);
        }
        finally
        {
            _turns.Release();
        }
    }

    private async Task<SearchResults> SearchUncachedAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var mode = request.Mode ?? options.DefaultMode;
        if (mode != SearchMode.Bm25 && DenseUnavailable() is { } reason)
        {
            if (request.Mode is not null)
            {
                throw reason;
            }
            mode = SearchMode.Bm25;
        }
        // Fusing in the scores of a model that cannot read the query's language only adds noise.
        if (mode == SearchMode.Hybrid && !embedder!.Understands(QueryLanguageGuess.Guess(request.Query)))
        {
            mode = SearchMode.Bm25;
        }
        var vector = mode == SearchMode.Bm25 ? null : await embedder!.EmbedQueryAsync(request.Query, cancellationToken);
        return keywords.Search(request with { Mode = mode }, vector, options);
    }

    /// <summary>Why dense retrieval cannot run on this index with this configuration, or null when it can.</summary>
    public Exception? DenseUnavailable()
    {
        if (embedder is null)
        {
            return new ConfigurationException(
                "Embeddings:Provider: dense and hybrid search need an embedding model (builtin, onnx or openai); or search in bm25 mode");
        }
        string configured;
        try
        {
            configured = embedder.ModelId;
        }
        catch (ConfigurationException ex)
        {
            return ex;
        }
        // A new index that holds no documents yet (a service ingesting its first corpus) has nothing to compare with:
        // dense search there finds nothing, as bm25 does, rather than asking for a reindex.
        var empty = keywords.EmbeddingModel is null && keywords.ListDocuments().Count == 0;
        return EmbeddingModelMismatchException.Check(keywords.Path, keywords.EmbeddingModel, configured, empty);
    }
}
