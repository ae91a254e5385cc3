using System.Text;
using KnowledgeBase.Api.Http;
using KnowledgeBase.Core.Compare;
using KnowledgeBase.Core.Indexing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeBase.Api.Endpoints;

/// <summary>
/// /api/compare: countries (or documents) × topics, each cell with a verdict and its evidence; ?format=csv for
/// spreadsheets. /api/compare/topics lists the built-in topics.
/// </summary>
internal static class CompareEndpoints
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static void MapCompareEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/compare")
            .WithTags("Compare")
            .RequireReadKey()
            .RequireRateLimiting(HttpExtensions.SearchRateLimit)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/", Compare).WithName("Compare").WithSummary("Compare countries or documents topic by topic (JSON, or CSV with ?format=csv)");
        group.MapGet("/topics", Topics).WithName("CompareTopics").WithSummary("The built-in comparison topics");
    }

    public static Results<Ok<CompareReport>, FileContentHttpResult> Compare(
        CompareBody? body, string? format, HttpRequest request, KeywordIndex index, CancellationToken cancellationToken)
    {
        if (format is not (null or "" or "json" or "csv"))
        {
            throw ApiProblemException.Invalid("format", $"\"{format}\" is not json or csv");
        }
        var compareRequest = CompareBinding.Request(RequestBinding.Body(body));
        var result = new CompareService(index).Compare(compareRequest, cancellationToken);
        if (format == "csv")
        {
            var csv = CompareCsv.Write(result, $"{request.Scheme}://{request.Host}");
            return TypedResults.File([.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(csv)], "text/csv; charset=utf-8", "comparison.csv");
        }
        return TypedResults.Ok(CompareReport.From(result));
    }

    public static Ok<IReadOnlyList<CompareReport.Topic>> Topics() =>
        TypedResults.Ok<IReadOnlyList<CompareReport.Topic>>(BuiltinTopics.All.Select(t => new CompareReport.Topic(t.Id, t.Title, t.Source, t.Definition)).ToList());
}
