namespace KnowledgeBase.Api.Cluster;

/// <summary>A delete accepted into the index log: <see cref="Sequence"/> is its entry, for <c>?minSequence=</c>.</summary>
internal sealed record ClusterDeleteResponse(string DocumentId, long Sequence);
