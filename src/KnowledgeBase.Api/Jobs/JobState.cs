namespace KnowledgeBase.Api.Jobs;

internal enum JobState
{
    Queued,
    Running,

    /// <summary>Every file reached a final state (some may have failed on their own).</summary>
    Completed,

    /// <summary>The job itself could not run (reindex error); file jobs never end here.</summary>
    Failed,
}
