using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Api.Endpoints;

/// <summary>A page of ranked passages and, per facet field, matching documents by value.</summary>
internal sealed record SearchResponse(
    string Query,
    string? Mode,
    int TotalHits,
    int Top,
    int Skip,
    IReadOnlyList<HitResponse> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets);
