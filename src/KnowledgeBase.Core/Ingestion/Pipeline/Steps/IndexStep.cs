using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Indexing;

namespace KnowledgeBase.Core.Ingestion.Pipeline.Steps;

/// <summary>
/// Commits the document record and its chunks to the index in one atomic replace of the source's old version.
/// </summary>
internal sealed class IndexStep(KeywordIndex index, IngestionCatalog catalog, TimeProvider time) : IIngestionStep
{
    public string Name => "index";

    public bool IsExclusive => true;

    public ValueTask ExecuteAsync(IngestionContext context, CancellationToken cancellationToken)
    {
        // Checked again here: two copies of one file may have been parsed side by side.
        if (catalog.Check(context.File, context.ContentHash) is { } early)
        {
            context.Outcome = early;
            return ValueTask.CompletedTask;
        }
        var extracted = context.Extracted!;
        var replaces = catalog.HasSource(context.File.Source);
        var record = BuildRecord(context, extracted, time);
        index.Replace(record, extracted, context.Chunks);
        catalog.Add(record);
        context.Outcome = new IngestionOutcome(context.File,
            replaces ? IngestionStatus.Replaced : IngestionStatus.Indexed,
            record.Id, record.PageCount, record.ChunkCount, Warnings: record.Warnings);
        return ValueTask.CompletedTask;
    }

    /// <summary>The document's record from what the steps found (cluster workers publish it instead of indexing it).</summary>
    internal static DocumentRecord BuildRecord(IngestionContext context, ExtractedDocument extracted, TimeProvider time)
    {
        var fileName = Path.GetFileName(context.File.Path);
        var title = context.Title;
        return new DocumentRecord
        {
            Id = context.DocumentId,
            Source = context.File.Source,
            Title = title,
            MediaType = extracted.MediaType,
            ContentHash = context.ContentHash,
            SizeBytes = context.Content.Length,
            PageCount = extracted.PageCount,
            ChunkCount = context.Chunks.Count,
            IngestedAt = time.GetUtcNow(),
            Identifiers = IdentifierExtractor.Extract($"{fileName}\n{title}\n{context.Metadata.Identifier}\n{context.Metadata.BaseIdentifier}"),
            ImageOnlyPages = extracted.Pages.Where(p => p.IsImageOnly).Select(p => p.Number).ToList(),
            OcrPages = extracted.Pages.Where(p => p.IsOcr).Select(p => p.Number).ToList(),
            Warnings = [.. extracted.Warnings, .. context.MetadataWarnings],
            Metadata = context.Metadata,
            Language = context.Language,
            EmbeddingModel = context.EmbeddingModel,
        };
    }
}
