namespace KnowledgeBase.Core.Cluster;

/// <summary>
/// One file on the work queue: its original is in the object store under <see cref="Id"/>; <see cref="Source"/> is
/// the name the index knows it by. <see cref="JobId"/> and <see cref="FileIndex"/> say which job entry to update.
/// </summary>
public sealed record WorkItem(string Id, string Source, string FileName, string? JobId = null, int FileIndex = 0);
