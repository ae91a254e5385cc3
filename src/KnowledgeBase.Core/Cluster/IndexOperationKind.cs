namespace KnowledgeBase.Core.Cluster;

/// <summary>What one entry of the index log does.</summary>
public enum IndexOperationKind
{
    /// <summary>Stores a document with its passages, metadata and vectors, replacing its source's old version.</summary>
    Put,

    /// <summary>Removes a document and its passages.</summary>
    Delete,

    /// <summary>Records the embedding model of an index that holds no vectors yet.</summary>
    SetModel,

    /// <summary>
    /// Replaces the whole index with a snapshot re-embedded by another model (`kb cluster reembed`), so replicas
    /// change model without embedding anything themselves.
    /// </summary>
    Rebase,
}
