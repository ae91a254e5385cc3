namespace KnowledgeBase.Core.Ingestion.Pipeline;

/// <summary>What happened to one file.</summary>
public sealed record IngestionOutcome(
    SourceFile File,
    IngestionStatus Status,
    string? DocumentId = null,
    int Pages = 0,
    int Chunks = 0,
    string? Reason = null,
    IReadOnlyList<string>? Warnings = null)
{
    public bool IsSkipped => Status is IngestionStatus.Unchanged or IngestionStatus.Duplicate or IngestionStatus.Failed;
}
