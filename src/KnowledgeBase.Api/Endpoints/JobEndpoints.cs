using KnowledgeBase.Api.Http;
using KnowledgeBase.Api.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeBase.Api.Endpoints;

/// <summary>/api/jobs: the state of uploads, the first-start corpus ingestion and reindexing.</summary>
internal static class JobEndpoints
{
    public const string GetJobRoute = "GetJob";
    private const int MaxJobs = 100;

    public static void MapJobEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/jobs").WithTags("Jobs").RequireReadKey();
        group.MapGet("/", List).WithName("ListJobs").WithSummary($"The latest {MaxJobs} jobs, newest first");
        group.MapGet("/{id}", Get).WithName(GetJobRoute).ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static Ok<List<JobResponse>> List(JobStore store) =>
        TypedResults.Ok(store.List().Take(MaxJobs).Select(JobResponse.From).ToList());

    public static Ok<JobResponse> Get(string id, JobStore store) =>
        TypedResults.Ok(JobResponse.From(store.Get(id) ?? throw ApiProblemException.NotFound($"no job with id {id}")));
}
