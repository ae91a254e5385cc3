namespace KnowledgeBase.Core.Ingestion.Pipeline;

public enum IngestionStatus
{
    /// <summary>New to the index.</summary>
    Indexed,

    /// <summary>The source changed; its old chunks were replaced.</summary>
    Replaced,

    /// <summary>Same source, same bytes: nothing to do.</summary>
    Unchanged,

    /// <summary>The same bytes are already indexed from another source.</summary>
    Duplicate,

    /// <summary>Could not be ingested; the reason says why.</summary>
    Failed,
}
