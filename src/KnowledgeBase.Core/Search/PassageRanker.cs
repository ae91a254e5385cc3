using KnowledgeBase.Core.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// Ranked passages for a query and filters: BM25, dense or both fused over the candidates, superseded editions at half score so the
/// edition in force comes first, at most <see cref="PassagesPerDocument"/> passages of a document before others get
/// their turn, and, when asked, facets counting the documents among the best <see cref="FacetWindow"/> passages.
/// </summary>
internal static class PassageRanker
{
    private const int FacetWindow = RankingConstants.CandidateDepth;
    private const float SupersededWeight = RankingConstants.SupersededWeight;
    private const int PassagesPerDocument = RankingConstants.PassagesPerDocument;
    private const int KeywordOnlyDepth = RankingConstants.KeywordOnlyDepth;

    public static SearchResults Search(
        IndexSearcher searcher, IndexCatalog catalog, EditionIndex editions, SearchRequest request, Retrieval retrieval)
    {
        var stages = retrieval.Stages;
        var filters = request.Filters;
        var (textMatch, textQuery) = KeywordQueryBuilder.Build(request.Query, retrieval.QueryAnalyzer, filters.Languages, catalog.IndexedFields);
        stages?.Mark("query: language guess, analysis per field, parse");
        var (only, excluded) = StatusRestriction(filters, editions);
        var restriction = Restriction(FilterQueryBuilder.Build(filters, only, excluded));
        stages?.Mark("filters and edition status");
        var wanted = request.Skip + request.Top;
        // A BM25 page without facets is first ranked from a shallow list; only when that list could have missed a
        // passage of the page is it ranked again from the full depth, so the page is the same either way.
        var shallow = ShallowDepth(request, retrieval);
        var depth = shallow ?? Math.Max(FacetWindow, wanted * 3);
        var (candidates, totalHits) = Retrieve(searcher, request, textMatch, restriction, retrieval, depth);
        var (documentIds, ranked, prefix) = Rank(candidates, catalog, editions, request);
        stages?.Mark("catalog look-ups, superseded weight, sort, diversification or grouping");
        if (shallow is not null && !ShallowPage.IsSettled(candidates, depth, ranked, prefix, wanted))
        {
            (candidates, totalHits) = Retrieve(searcher, request, textMatch, restriction, retrieval, Math.Max(FacetWindow, wanted * 3));
            (documentIds, ranked, prefix) = Rank(candidates, catalog, editions, request);
            stages?.Mark("deeper retrieval when the shallow page was not settled");
        }
        var page = prefix.Skip(request.Skip).ToList();
        var stored = page.Select(h => StoredHit.Load(searcher, h.Doc)).ToList();
        stages?.Mark("stored fields of the page");
        var snippets = new SnippetBuilder(textQuery, retrieval.IndexAnalyzer, reader: searcher.IndexReader);
        var hits = page.Select((h, i) => StoredHit.Read(stored[i], h.Score, snippets, h.Doc)).ToList();
        stages?.Mark("snippets and highlighting");
        if (!request.IncludeFacets)
        {
            return new SearchResults(request.Query, totalHits, hits);
        }
        var facets = FacetCounter.Count(documentIds, catalog.Records, editions);
        stages?.Mark("facets");
        return new SearchResults(request.Query, totalHits, hits) { Facets = facets };
    }

    /// <summary>
    /// The candidates with superseded editions weighted, best first; and the first <c>Skip + Top</c> of them after
    /// diversification or grouping (the page with what it skips).
    /// </summary>
    private static (string[] DocumentIds, RankedPassage[] Ranked, List<RankedPassage> Prefix) Rank(
        IReadOnlyList<ScoreDoc> candidates, IndexCatalog catalog, EditionIndex editions, SearchRequest request)
    {
        var documentIds = new string[candidates.Count];
        var ranked = new RankedPassage[candidates.Count];
        var superseded = editions.SupersededDocuments();
        for (var i = 0; i < candidates.Count; i++)
        {
            var (doc, score) = (candidates[i].Doc, candidates[i].Score);
            documentIds[i] = catalog.DocumentIdOf(doc);
            ranked[i] = new RankedPassage(doc, documentIds[i], superseded.Contains(documentIds[i]) ? score * SupersededWeight : score);
        }
        ranked = BestFirst(ranked);
        var ordered = request.GroupByDocument ? ranked.DistinctBy(h => h.DocumentId) : Diversify(ranked, h => h.DocumentId);
        return (documentIds, ranked, ordered.Take(request.Skip + request.Top).ToList());
    }

    /// <summary>
    /// Best score first, ties in candidate order. The candidates come best first, so only a superseded edition's
    /// weight can put one out of order: the hybrid lists of 1,000 or more were sorted again every time.
    /// </summary>
    private static RankedPassage[] BestFirst(RankedPassage[] ranked)
    {
        for (var i = 1; i < ranked.Length; i++)
        {
            if (!(ranked[i - 1].Score >= ranked[i].Score))
            {
                return [.. ranked.OrderByDescending(p => p.Score)]; // a stable sort: ties keep the candidates' order
            }
        }
        return ranked;
    }

    /// <summary>The shallow depth for a BM25 search that neither counts facets nor expands its query; else null.</summary>
    private static int? ShallowDepth(SearchRequest request, Retrieval retrieval) =>
        (request.Mode ?? SearchMode.Bm25) == SearchMode.Bm25 || retrieval.QueryVector is null
            ? (request.IncludeFacets || request.ExpandQuery ? null : Math.Max(KeywordOnlyDepth, (request.Skip + request.Top) * 3))
            : null;

    /// <summary>
    /// The candidates of the request's mode, best first: BM25, dense, or both fused; and how many passages matched
    /// (for dense and hybrid, how many candidates there are).
    /// </summary>
    private static (IReadOnlyList<ScoreDoc> Candidates, int TotalHits) Retrieve(
        IndexSearcher searcher, SearchRequest request, BooleanQuery textMatch, Query? restriction, Retrieval retrieval, int depth)
    {
        var mode = request.Mode ?? SearchMode.Bm25;
        if (mode == SearchMode.Bm25 || retrieval.QueryVector is not { } vector)
        {
            var top = KeywordTopDocs(searcher, request, textMatch, restriction, retrieval, depth);
            retrieval.Stages?.Mark("bm25 top-k");
            return (top.ScoreDocs, top.TotalHits);
        }
        // As deep as the keyword list: the blend scales each list by its own range (RankingConstants.CandidateDepth).
        var dense = retrieval.Vectors.Search(searcher, vector, depth, restriction);
        retrieval.Stages?.Mark("dense scan");
        if (mode == SearchMode.Dense)
        {
            return (dense, dense.Count);
        }
        var keyword = KeywordTopDocs(searcher, request, textMatch, restriction, retrieval, depth).ScoreDocs;
        retrieval.Stages?.Mark("bm25 top-k");
        var fused = ScoreFusion.Fuse(keyword, dense, retrieval.Options);
        retrieval.Stages?.Mark("fusion");
        return (fused, fused.Count);
    }

    /// <summary>
    /// The best BM25 passages among those the restriction allows. Filters restrict and do not score, so filtering
    /// leaves the order of what remains as it was. A question is a flat disjunction, scored term at a time; query
    /// expansion takes Lucene's own Boolean scoring.
    /// </summary>
    private static TopDocs KeywordTopDocs(
        IndexSearcher searcher, SearchRequest request, BooleanQuery textMatch, Query? restriction, Retrieval retrieval, int depth)
    {
        // Only passages are results. The simple parser reads "-malware" as every document without the word, so
        // without this a document's record row could come back as a hit. Term clauses match passages only.
        var passagesOnly = restriction ?? new TermQuery(new Term(IndexFields.Kind, IndexFields.ChunkKind));
        if (!request.ExpandQuery)
        {
            var disjunction = DisjunctionFlattener.Flatten(textMatch);
            return TermAtATimeSearch.Search(searcher, disjunction, depth, disjunction.All(q => q is TermQuery) ? restriction : passagesOnly);
        }
        var query = new BooleanQuery
        {
            { textMatch, Occur.MUST },
            { new ConstantScoreQuery(passagesOnly) { Boost = 0 }, Occur.MUST },
        };
        // Added terms may only add to the score of what the text matched.
        QueryExpansion.Expand(query, request.Query, searcher, retrieval.IndexAnalyzer);
        return searcher.Search(query, depth);
    }

    /// <summary>The filters as a query of their own: chunks only, plus each filter clause; null when nothing is filtered.</summary>
    private static BooleanQuery? Restriction(IReadOnlyList<BooleanClause> filterClauses)
    {
        if (filterClauses.Count == 0)
        {
            return null;
        }
        var restriction = new BooleanQuery { { new TermQuery(new Term(IndexFields.Kind, IndexFields.ChunkKind)), Occur.MUST } };
        foreach (var clause in filterClauses)
        {
            restriction.Add(clause);
        }
        return restriction;
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
