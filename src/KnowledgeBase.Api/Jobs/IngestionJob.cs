namespace KnowledgeBase.Api.Jobs;

/// <summary>
/// A unit of background work and its per-file progress, persisted as data/jobs/{Id}.json after every change so a
/// restart resumes it. Immutable: the store swaps whole values.
/// </summary>
internal sealed record IngestionJob(
    string Id,
    JobKind Kind,
    JobState State,
    DateTimeOffset CreatedAt,
    IReadOnlyList<JobFile> Files)
{
    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Why the job as a whole stopped, or what it did when it has no files (reindex).</summary>
    public string? Message { get; init; }

    public bool IsFinished => State is JobState.Completed or JobState.Failed;
}
