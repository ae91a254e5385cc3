namespace KnowledgeBase.Core.Search;

/// <summary>A page of hits, and per facet field the counts of matching documents by value (when the request asked for them).</summary>
public sealed record SearchResults(string Query, int TotalHits, IReadOnlyList<SearchHit> Hits)
{
    public IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets { get; init; } =
        new Dictionary<string, IReadOnlyList<FacetCount>>();
}
