namespace KnowledgeBase.Core.Cluster;

/// <summary>
/// One file on the work queue: its original is in the object store under <see cref="ContentHash"/>; <see cref="Source"/>
/// is the name the index knows it by; <see cref="Metadata"/> is its sidecar metadata JSON (<c>NAME.meta.json</c>, or
/// the upload's <c>NAME.meta</c> part), which the worker puts beside the file as a single process finds it.
/// <see cref="JobId"/> and <see cref="FileIndex"/> say which job entry to update.
/// </summary>
public sealed record WorkItem(
    string Id, string Source, string FileName, string? JobId = null, int FileIndex = 0, string? ContentHash = null, string? Metadata = null);
