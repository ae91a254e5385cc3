namespace KnowledgeBase.Api.Jobs;

/// <summary>
/// One file of a job. <see cref="Name"/> is what the client called it (metadata only); <see cref="StoredPath"/> is
/// where the service keeps it, under a generated folder, and is never shown to clients.
/// </summary>
internal sealed record JobFile(string Name, string StoredPath, JobFileState State)
{
    public string? DocumentId { get; init; }

    public string? Reason { get; init; }
}
