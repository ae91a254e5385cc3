namespace KnowledgeBase.Core.Cluster;

/// <summary>What `kb cluster reembed` did: the documents re-embedded, by which model, and where the log holds the rebase.</summary>
public sealed record ReembedOutcome(int Documents, string Model, long SnapshotSequence, long RebaseSequence);
