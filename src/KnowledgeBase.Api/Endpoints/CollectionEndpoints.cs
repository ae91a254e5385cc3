using KnowledgeBase.Api.Http;
using KnowledgeBase.Core.Documents.Collection;
using KnowledgeBase.Core.Indexing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeBase.Api.Endpoints;

/// <summary>/api/collection: what the knowledge base holds, per region and country, for the page's collection picture.</summary>
internal static class CollectionEndpoints
{
    public static void MapCollectionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/collection")
            .WithTags("Documents")
            .RequireReadKey()
            .MapGet("/", Get)
            .WithName("GetCollection")
            .WithSummary("Documents per ITU-D region and country, with type, language and year");
    }

    public static Ok<CollectionPicture> Get(KeywordIndex index) => TypedResults.Ok(CollectionPicture.Of(index.Catalog.All));
}
