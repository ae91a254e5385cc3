namespace KnowledgeBase.Api.Jobs;

/// <summary>Serialised kebab-case: queued, running, succeeded, skipped-duplicate, failed.</summary>
internal enum JobFileState
{
    Queued,
    Running,

    /// <summary>In the index: newly indexed, replaced, or already there unchanged.</summary>
    Succeeded,

    /// <summary>The same bytes are already indexed as another document; DocumentId names it.</summary>
    SkippedDuplicate,

    /// <summary>Could not be ingested; Reason says why. Other files of the job are not affected.</summary>
    Failed,
}
