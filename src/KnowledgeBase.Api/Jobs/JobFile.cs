namespace KnowledgeBase.Api.Jobs;

/// <summary>
/// One file of a job. <see cref="Name"/> is what the client called it (metadata only); <see cref="StoredPath"/> is
/// where the service keeps it, under a generated folder, and is never shown to clients.
/// </summary>
internal sealed record JobFile(string Name, string StoredPath, JobFileState State)
{
    public string? DocumentId { get; init; }

    public string? Reason { get; init; }

    /// <summary>Pages OCR has read so far, of <see cref="PagesToRead"/>; both null for a file without scanned pages.</summary>
    public int? PagesRead { get; init; }

    public int? PagesToRead { get; init; }
}
