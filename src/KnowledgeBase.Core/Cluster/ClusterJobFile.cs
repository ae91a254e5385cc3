namespace KnowledgeBase.Core.Cluster;

/// <summary>
/// One file of a job as the cluster's jobs bucket holds it (key <c>{jobId}.{fileIndex}</c>): state is queued,
/// running, succeeded or failed; <see cref="Sequence"/> is the index-log entry that carries the document.
/// </summary>
public sealed record ClusterJobFile(
    string FileName, string State, string? DocumentId = null, string? Reason = null, long Sequence = 0, string? WorkId = null);
