using KnowledgeBase.Core.Documents.Languages;
using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Chunking;
using KnowledgeBase.Core.Ingestion.Pipeline.Steps;

namespace KnowledgeBase.Core.Ingestion.Pipeline;

/// <summary>
/// Re-chunks, re-describes and re-embeds every document from the extracted text stored in the index, without the
/// original files or parsing: what a change of chunking rules, metadata rules or embedding model needs. Ids and
/// sources stay the same, and everything is committed at once, so a crash half-way leaves the old index intact.
/// The commit is one operation of the index's ordered writer: a document deleted or replaced while the reindex ran
/// stays deleted or replaced.
/// </summary>
public sealed class Reindexer(StructureChunker chunker, LanguageDetector languages, PassageEmbedder? embedder = null)
{
    /// <param name="rebuildEmbeddings">
    /// Embed with the configured model even when the index was embedded with another one (or with none).
    /// Without it, vectors are kept in step with the index's own model, and a different configured model is an error.
    /// </param>
    public async Task<int> RunAsync(KeywordIndex index, bool rebuildEmbeddings, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var embed = ChooseEmbedder(index, rebuildEmbeddings);
        var steps = new List<IIngestionStep> { new ChunkStep(chunker), new DescribeStep(languages) };
        if (embed is not null)
        {
            steps.Add(new EmbedStep(embed, index));
        }
        var documents = new List<(Documents.DocumentRecord, Documents.ExtractedDocument, IReadOnlyList<Chunk>)>();
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
                await step.ExecuteAsync(context, cancellationToken);
            }
            documents.Add((record with
            {
                Title = context.Title,
                ChunkCount = context.Chunks.Count,
                Metadata = context.Metadata,
                Language = context.Language,
                Warnings = [.. extracted.Warnings, .. context.MetadataWarnings],
            }, extracted, context.Chunks));
            progress?.Report(record.Source);
        }
        return index.ReplaceAll(documents, embed?.ModelId);
    }

    private PassageEmbedder? ChooseEmbedder(KeywordIndex index, bool rebuildEmbeddings)
    {
        if (rebuildEmbeddings)
        {
            return embedder ?? throw new IndexUnavailableException(
                "re-embedding needs an embedding model: set Embeddings:Provider to builtin, onnx or openai");
        }
        if (index.EmbeddingModel is null)
        {
            return null;
        }
        return EmbeddingModelMismatchException.Check(index.Path, index.EmbeddingModel, embedder?.ModelId) is { } mismatch ? throw mismatch : embedder;
    }
}
