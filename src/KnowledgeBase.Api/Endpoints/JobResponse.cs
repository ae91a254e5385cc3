using KnowledgeBase.Api.Jobs;

namespace KnowledgeBase.Api.Endpoints;

/// <summary>A job as clients see it: per file its state, the document when known, and the reason of a failure.</summary>
internal sealed record JobResponse(
    string Id,
    JobKind Kind,
    JobState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Message,
    IReadOnlyList<JobFileResponse> Files)
{
    public static JobResponse From(IngestionJob job) => new(
        job.Id, job.Kind, job.State, job.CreatedAt, job.StartedAt, job.FinishedAt, job.Message,
        job.Files.Select(f => new JobFileResponse(f.Name, f.State, f.DocumentId, f.Reason,
            f.DocumentId is null ? null : $"/api/documents/{f.DocumentId}", f.PagesRead, f.PagesToRead)).ToList());
}

/// <summary>One file of a job; PagesRead of PagesToRead is OCR's progress on its scanned pages.</summary>
internal sealed record JobFileResponse(
    string Name, JobFileState State, string? DocumentId, string? Reason, string? Document, int? PagesRead = null, int? PagesToRead = null);
