namespace KnowledgeBase.Core.Ingestion.Pipeline;

/// <summary>Pages of one file read so far by a slow per-page step (OCR), for progress bars and job status.</summary>
public sealed record PageProgress(SourceFile File, int PagesDone, int PagesTotal);
