using System.Runtime.CompilerServices;
using KnowledgeBase.Core.Indexing;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// Searching a <see cref="KeywordIndex"/>: the index owns Lucene and its commits, Search composes the queries over a
/// commit's searcher, so the dependency runs from Search to Indexing only.
/// </summary>
public static class KeywordIndexSearch
{
    // Edition chains are worked out once per commit, alongside the catalog the index caches for that commit.
    private static readonly ConditionalWeakTable<IndexCatalog, EditionIndex> EditionsByCatalog = new();

    /// <summary>Ranked passages for a query and filters, with facet counts; see <see cref="PassageRanker"/>.</summary>
    public static SearchResults Search(this KeywordIndex index, SearchRequest request, float[]? queryVector = null, SearchOptions? options = null) =>
        index.Search(request, queryVector, options, stages: null);

    /// <summary>As <see cref="Search(KeywordIndex, SearchRequest, float[], SearchOptions)"/>, recording each stage's time.</summary>
    internal static SearchResults Search(this KeywordIndex index, SearchRequest request, float[]? queryVector, SearchOptions? options, SearchStageTimes? stages)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(request);
        stages?.Restart();
        var retrieval = new Retrieval(index.QueryAnalyzer, index.IndexAnalyzer, index.Vectors, queryVector, options ?? new SearchOptions()) { Stages = stages };
        return index.Read(
            (searcher, catalog) =>
            {
                var editions = catalog.Editions();
                stages?.Mark("searcher, catalog and editions of the commit");
                return PassageRanker.Search(searcher, catalog, editions, request, retrieval);
            },
            new SearchResults(request.Query, 0, []));
    }

    /// <summary>Every document's record and the edition chains, as of the last commit.</summary>
    public static EditionIndex Editions(this KeywordIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return index.Read((_, catalog) => catalog.Editions(), new EditionIndex([]));
    }

    /// <summary>The edition chains of a commit's documents, worked out once per commit.</summary>
    public static EditionIndex Editions(this IndexCatalog catalog) =>
        EditionsByCatalog.GetValue(catalog, c => new EditionIndex(c.All));
}
