using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Api.Http;
using KnowledgeBase.Api.Storage;
using KnowledgeBase.Core.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeBase.Api.Endpoints;

/// <summary>/api/search: passages for a query, by query string (links, bookmarks) or JSON body (programs).</summary>
internal static class SearchEndpoints
{
    public static void MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/search")
            .WithTags("Search")
            .RequireReadKey()
            .RequireRateLimiting(HttpExtensions.SearchRateLimit)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/", SearchByQueryAsync).WithName("Search").WithSummary("Search passages (query string)");
        group.MapPost("/", SearchByBodyAsync).WithName("SearchByBody").WithSummary("Search passages (JSON body)");
    }

    public static Task<Ok<SearchResponse>> SearchByQueryAsync(
        [AsParameters] SearchQuery query, SearchService search, KeywordIndex index, CancellationToken cancellationToken) =>
        RunAsync(RequestBinding.Search(query.Q, query.Top, query.Skip, query.Mode, query.GroupBy, query.Facets == true, query), search, index, cancellationToken);

    public static Task<Ok<SearchResponse>> SearchByBodyAsync(
        SearchBody? body, SearchService search, KeywordIndex index, CancellationToken cancellationToken)
    {
        var fields = RequestBinding.Body(body);
        return RunAsync(RequestBinding.Search(fields.Q, fields.Top, fields.Skip, fields.Mode, fields.GroupBy, fields.Facets == true, fields), search, index, cancellationToken);
    }

    private static async Task<Ok<SearchResponse>> RunAsync(
        SearchRequest request, SearchService search, KeywordIndex index, CancellationToken cancellationToken)
    {
        var results = await search.SearchAsync(request, cancellationToken);
        var catalog = index.Catalog;
        var hits = results.Hits.Select(h => HitResponse.From(h, catalog.Get(h.DocumentId))).ToList();
        return TypedResults.Ok(new SearchResponse(
            results.Query, request.Mode?.ToString().ToLowerInvariant(), results.TotalHits, request.Top, request.Skip, hits, results.Facets));
    }
}
