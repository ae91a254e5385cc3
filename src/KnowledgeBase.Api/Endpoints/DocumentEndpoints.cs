using KnowledgeBase.Api.Telemetry;
using KnowledgeBase.Api.Http;
using KnowledgeBase.Api.Jobs;
using KnowledgeBase.Api.Storage;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Parsing;
using KnowledgeBase.Core.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeBase.Api.Endpoints;

/// <summary>/api/documents: upload (a job), list, inspect, read the text, download the original, delete; /api/reindex.</summary>
internal static class DocumentEndpoints
{
    private const int DefaultPage = 50;
    private const int MaxPage = 500;

    public static void MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/documents").WithTags("Documents").ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapPost("/", UploadAsync).RequireWriteKey().WithName("UploadDocuments").WithSummary("Upload files to ingest (202 + job)")
            .Accepts<IFormFileCollection>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/", List).RequireReadKey().WithName("ListDocuments").WithSummary("List documents (paged, filtered)");
        group.MapGet("/{id}", Get).RequireReadKey().WithName("GetDocument").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/text", GetText).RequireReadKey().WithName("GetDocumentText").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/file", GetFileAsync).RequireReadKey().WithName("GetDocumentFile").WithSummary("The original file (Range requests honoured)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id}", Delete).RequireWriteKey().WithName("DeleteDocument")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        app.MapPost("/api/reindex", Reindex).RequireWriteKey().WithTags("Documents").WithName("Reindex")
            .WithSummary("Re-chunk and re-describe every document from its stored text; {\"embeddings\": true} also re-embeds it (202 + job)")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    public static async Task<AcceptedAtRoute<JobResponse>> UploadAsync(
        HttpRequest request, UploadReader uploads, JobSubmitter jobs, CancellationToken cancellationToken)
    {
        var id = JobStore.NewId();
        var files = await uploads.ReadAsync(request, id, cancellationToken);
        var job = jobs.Submit(id, JobKind.Upload, files);
        return TypedResults.AcceptedAtRoute(JobResponse.From(job), JobEndpoints.GetJobRoute, new { id = job.Id });
    }

    public static Ok<DocumentPage> List([AsParameters] DocumentListQuery query, KeywordIndex index)
    {
        var catalog = index.Catalog;
        var filters = RequestBinding.Filters(query);
        var top = RequestBinding.Page("top", query.Top, DefaultPage, MaxPage);
        var skip = RequestBinding.Offset(query.Skip, int.MaxValue);
        var editions = catalog.Editions();
        var matching = catalog.All.Where(r => DocumentFilter.Matches(filters, r, editions)).ToList();
        var page = matching.Skip(skip).Take(top).Select(r => DocumentSummary.From(r, editions)).ToList();
        return TypedResults.Ok(new DocumentPage(matching.Count, top, skip, page));
    }

    public static Ok<DocumentDetail> Get(string id, KeywordIndex index, OriginalFiles originals)
    {
        var catalog = index.Catalog;
        var record = Find(catalog, id);
        var editions = catalog.Editions();
        return TypedResults.Ok(new DocumentDetail(
            record.Id, record.Title, Path.GetFileName(record.Source), record.MediaType, record.ContentHash, record.SizeBytes,
            record.PageCount, index.CountChunks(record.Id), record.IngestedAt, record.Identifiers, record.ImageOnlyPages, record.OcrPages,
            record.Warnings, record.Metadata, record.Language, editions.StatusOf(record.Id), editions.ChainOf(record.Id),
            originals.CanServe(record.ContentHash), $"/api/documents/{record.Id}/file", $"/api/documents/{record.Id}/text"));
    }

    public static Ok<DocumentText> GetText(string id, KeywordIndex index)
    {
        var record = Find(index.Catalog, id);
        var extracted = index.GetExtracted(record.Id) ?? throw ApiProblemException.NotFound($"no stored text for document {record.Id}");
        var pages = extracted.Pages.Select(p => new PageText(p.Number, p.IsImageOnly, p.IsOcr ? "ocr" : p.IsImageOnly ? "none" : "text", p.OcrConfidence, extracted.Text[p.Start..p.End])).ToList();
        return TypedResults.Ok(new DocumentText(record.Id, record.Title, pages));
    }

    public static async Task<PhysicalFileHttpResult> GetFileAsync(string id, HttpContext context, KeywordIndex index, OriginalFiles originals, CancellationToken cancellationToken)
    {
        var record = Find(index.Catalog, id);
        if (!await originals.FetchAsync(record.ContentHash, cancellationToken))
        {
            throw ApiProblemException.NotFound($"the original of document {record.Id} is not kept on this server");
        }
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        if (record.MediaType == MediaTypes.Html)
        {
            // Uploaded HTML is someone else's page: shown on this origin it must not run scripts or reach the API.
            headers.ContentSecurityPolicy = "sandbox";
        }
        return TypedResults.PhysicalFile(originals.PathOf(record.ContentHash), record.MediaType, enableRangeProcessing: true);
    }

    public static NoContent Delete(string id, KeywordIndex index, OriginalFiles originals, ILogger<KeywordIndex> logger)
    {
        var record = Find(index.Catalog, id);
        // Deletes run in order on the index's one writer: of several deletes of one document only the first finds it.
        if (!index.Delete(record.Id))
        {
            throw ApiProblemException.NotFound($"no document with id {id}");
        }
        if (!index.Catalog.All.Any(r => r.ContentHash == record.ContentHash))
        {
            originals.Forget(record.ContentHash);
        }
        ServiceLog.Deleted(logger, record.Id, record.Title);
        return TypedResults.NoContent();
    }

    public static AcceptedAtRoute<JobResponse> Reindex(ReindexBody? body, JobSubmitter jobs)
    {
        var kind = body?.Embeddings == true ? JobKind.ReindexEmbeddings : JobKind.Reindex;
        var job = jobs.Submit(JobStore.NewId(), kind, []);
        return TypedResults.AcceptedAtRoute(JobResponse.From(job), JobEndpoints.GetJobRoute, new { id = job.Id });
    }

    private static Core.Documents.DocumentRecord Find(IndexCatalog catalog, string id) =>
        catalog.Find(id) ?? throw ApiProblemException.NotFound($"no document with id {id}");
}
