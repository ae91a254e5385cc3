using KnowledgeBase.Core.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Search;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// Ranked passages for a query and filters: BM25 over the candidates, superseded editions at half score so the
/// edition in force comes first, at most <see cref="PassagesPerDocument"/> passages of a document before others get
/// their turn, and facets counting the documents among the best <see cref="FacetWindow"/> passages.
/// </summary>
internal static class PassageRanker
{
    private const int FacetWindow = 1000;
    private const float SupersededWeight = 0.5f;
    private const int PassagesPerDocument = 3;

    public static SearchResults Search(
        IndexSearcher searcher, IndexCatalog catalog, SearchRequest request, Analyzer queryAnalyzer, Analyzer indexAnalyzer)
    {
        var filters = request.Filters;
        var (query, textQuery) = KeywordQueryBuilder.Build(request.Query, queryAnalyzer, filters.Languages);
        var (only, excluded) = StatusRestriction(filters, catalog.Editions);
        foreach (var clause in FilterQueryBuilder.Build(filters, only, excluded))
        {
            query.Add(clause);
        }
        var candidates = searcher.Search(query, Math.Max(FacetWindow, (request.Skip + request.Top) * 3));
        var documentIds = candidates.ScoreDocs.Select(d => catalog.DocumentIdOf(d.Doc)).ToArray();
        var superseded = catalog.Editions.SupersededDocuments();
        var snippets = new SnippetBuilder(textQuery, indexAnalyzer);
        var ranked = candidates.ScoreDocs
            .Select((d, i) => (d.Doc, DocumentId: documentIds[i], Score: superseded.Contains(documentIds[i]) ? d.Score * SupersededWeight : d.Score))
            .OrderByDescending(h => h.Score)
            .ToList();
        var hits = Diversify(ranked, h => h.DocumentId)
            .Skip(request.Skip)
            .Take(request.Top)
            .Select(h => LuceneDocuments.ToHit(searcher.Doc(h.Doc), h.Score, snippets))
            .ToList();
        return new SearchResults(request.Query, candidates.TotalHits, hits)
        {
            Facets = FacetCounter.Count(documentIds, catalog.Records, catalog.Editions),
        };
    }

    /// <summary>
    /// Keeps the ranking but moves a document's passages beyond the first <see cref="PassagesPerDocument"/> after
    /// the passages of other documents, so one long text cannot fill a whole page of results.
    /// </summary>
    private static IEnumerable<T> Diversify<T>(IReadOnlyList<T> ranked, Func<T, string> documentOf)
    {
        var seen = new Dictionary<string, int>();
        var deferred = new List<T>();
        foreach (var hit in ranked)
        {
            var count = seen[documentOf(hit)] = seen.GetValueOrDefault(documentOf(hit)) + 1;
            if (count <= PassagesPerDocument)
            {
                yield return hit;
            }
            else
            {
                deferred.Add(hit);
            }
        }
        foreach (var hit in deferred)
        {
            yield return hit;
        }
    }

    private static (IReadOnlySet<string>? Only, IReadOnlySet<string> Excluded) StatusRestriction(SearchFilters filters, EditionIndex editions)
    {
        var wantsInForce = filters.Statuses.Contains(EditionIndex.InForce);
        var wantsSuperseded = filters.Statuses.Contains(EditionIndex.Superseded);
        if (wantsSuperseded && !wantsInForce)
        {
            return (editions.SupersededDocuments(), new HashSet<string>());
        }
        var excludeSuperseded = (wantsInForce && !wantsSuperseded) || !filters.IncludeSuperseded;
        return (null, excludeSuperseded ? editions.SupersededDocuments() : new HashSet<string>());
    }
}
