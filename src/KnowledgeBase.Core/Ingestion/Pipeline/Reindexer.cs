using KnowledgeBase.Core.Documents.Languages;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Chunking;
using KnowledgeBase.Core.Ingestion.Pipeline.Steps;

namespace KnowledgeBase.Core.Ingestion.Pipeline;

/// <summary>
/// Re-chunks and re-describes every document from the extracted text stored in the index, without the original
/// files or parsing: what a change of chunking or metadata rules needs. Ids and sources stay the same.
/// </summary>
public sealed class Reindexer(StructureChunker chunker, LanguageDetector languages)
{
    public int Run(KeywordIndex index, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var steps = new IIngestionStep[] { new ChunkStep(chunker), new DescribeStep(languages) };
        var count = 0;
        foreach (var record in index.ListDocuments())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (index.GetExtracted(record.Id) is not { } extracted)
            {
                continue;
            }
            var context = new IngestionContext(new SourceFile(record.Source, record.Source)) { Extracted = extracted };
            foreach (var step in steps)
            {
                step.Execute(context, cancellationToken);
            }
            index.Replace(record with
            {
                Title = context.Metadata.Title ?? extracted.Title ?? record.Title,
                ChunkCount = context.Chunks.Count,
                Metadata = context.Metadata,
                Language = context.Language,
                Warnings = [.. extracted.Warnings, .. context.MetadataWarnings],
            }, extracted, context.Chunks);
            progress?.Report(record.Source);
            count++;
        }
        return count;
    }
}
