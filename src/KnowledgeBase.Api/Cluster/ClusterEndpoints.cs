using KnowledgeBase.Api.Http;
using KnowledgeBase.Api.Jobs;
using KnowledgeBase.Core.Cluster;
using KnowledgeBase.Core.Indexing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeBase.Api.Cluster;

/// <summary>
/// /api/cluster: the writes of cluster mode, accepted by any node. Uploads go to the work queue (originals to the
/// object store) and become a job in the jobs bucket; deletes go to the index log and answer with their sequence.
/// </summary>
internal static class ClusterEndpoints
{
    public const string GetJobRoute = "GetClusterJob";

    public static void MapClusterEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cluster").WithTags("Cluster");
        group.MapPost("/documents", UploadAsync).RequireWriteKey().WithName("UploadDocumentsToCluster")
            .WithSummary("Upload files for the cluster's workers (202 + job)").DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapDelete("/documents/{id}", DeleteAsync).RequireWriteKey().WithName("DeleteDocumentInCluster")
            .WithSummary("Delete a document on every node (202 + log sequence)").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/jobs/{id}", GetJobAsync).RequireReadKey().WithName(GetJobRoute).ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<AcceptedAtRoute<ClusterJobResponse>> UploadAsync(
        HttpRequest request, UploadReader uploads, ClusterConnection cluster, CancellationToken cancellationToken)
    {
        var id = JobStore.NewId();
        var files = await uploads.ReadAsync(request, id, cancellationToken);
        var jobs = new ClusterJobs(cluster);
        var submitter = new WorkSubmitter(cluster);
        var entries = new List<ClusterJobFile>();
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                // Known by the name the client gave it under this job, as a single process knows an upload by its folder.
                var item = await submitter.SubmitAsync(files[i].StoredPath, $"uploads/{id}/{i}/{files[i].Name}", id, i, cancellationToken);
                var entry = new ClusterJobFile(files[i].Name, "queued", WorkId: item.Id);
                // A worker may already have taken it: its state must not be overwritten with "queued".
                await jobs.CreateAsync(id, i, entry, cancellationToken);
                entries.Add(entry);
            }
        }
        finally
        {
            // The originals are in the object store now; the node's copy is not needed.
            foreach (var file in files)
            {
                TryDelete(Path.GetDirectoryName(file.StoredPath)!);
            }
        }
        return TypedResults.AcceptedAtRoute(ClusterJobResponse.From(id, entries), GetJobRoute, new { id });
    }

    public static async Task<Accepted<ClusterDeleteResponse>> DeleteAsync(string id, KeywordIndex index, ClusterConnection cluster, CancellationToken cancellationToken)
    {
        var record = index.GetDocument(id) ?? throw ApiProblemException.NotFound($"no document with id {id}");
        var sequence = await new IndexLog(cluster).AppendAsync(IndexOperation.Delete(record.Id), Guid.NewGuid().ToString("n"), cancellationToken);
        return TypedResults.Accepted($"/api/documents/{record.Id}?minSequence={sequence}", new ClusterDeleteResponse(record.Id, sequence));
    }

    public static async Task<Ok<ClusterJobResponse>> GetJobAsync(string id, ClusterConnection cluster, CancellationToken cancellationToken)
    {
        var files = await new ClusterJobs(cluster).GetAsync(id, cancellationToken);
        return files.Count == 0
            ? throw ApiProblemException.NotFound($"no job with id {id}")
            : TypedResults.Ok(ClusterJobResponse.From(id, files));
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left behind: the uploads folder is scratch space.
        }
    }
}
