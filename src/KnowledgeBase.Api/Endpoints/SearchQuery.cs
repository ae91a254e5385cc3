using Microsoft.AspNetCore.Mvc;

namespace KnowledgeBase.Api.Endpoints;

/// <summary>GET /api/search: the query string — the text, the mode and grouping, then the paging and filters of a document list.</summary>
internal sealed class SearchQuery : DocumentListQuery
{
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    /// <summary>bm25, dense or hybrid; absent takes the configured default.</summary>
    [FromQuery(Name = "mode")]
    public string? Mode { get; init; }

    /// <summary>"document": only the best passage of each document.</summary>
    [FromQuery(Name = "groupBy")]
    public string? GroupBy { get; init; }

    /// <summary>true: count the documents per filter value among the best 1,000 passages (what the page shows).</summary>
    [FromQuery(Name = "facets")]
    public bool? Facets { get; init; }
}
