using KnowledgeBase.Core.Indexing;
using Microsoft.Extensions.Logging;

namespace KnowledgeBase.Core.Cluster;

/// <summary>
/// What one log operation does to an index. Every decision depends only on the index and the operation, so every
/// node that applies the same log in the same order ends with the same index: a put of bytes the index already
/// holds from the same source (a worker's second publish after a crash) or from another source (a duplicate) is
/// skipped, as single-process ingestion skips unchanged files and duplicates.
/// </summary>
internal static class IndexOperationApplier
{
    public static void Apply(KeywordIndex index, IndexOperation operation, ILogger logger)
    {
        try
        {
            ApplyChecked(index, operation, logger);
        }
        catch (InvalidDataException ex)
        {
            // A malformed entry is skipped by every node alike (retrying it would stop the node for good).
            logger.LogError(ex, "Skipped an index-log entry that cannot be applied");
        }
    }

    private static void ApplyChecked(KeywordIndex index, IndexOperation operation, ILogger logger)
    {
        switch (operation.Kind)
        {
            case IndexOperationKind.Put:
                Put(index, operation, logger);
                break;
            case IndexOperationKind.Delete:
                index.Delete(operation.DocumentId ?? throw new InvalidDataException("a delete in the index log names no document"));
                break;
            case IndexOperationKind.SetModel:
                SetModel(index, operation.Model ?? throw new InvalidDataException("a set-model entry in the index log names no model"), logger);
                break;
            case IndexOperationKind.Rebase:
                // Never reaches here: LogApplier restores the entry's snapshot itself, since that reads the object store.
                throw new InvalidOperationException("a rebase entry is applied by LogApplier");
        }
    }

    private static void Put(KeywordIndex index, IndexOperation operation, ILogger logger)
    {
        var record = operation.Record ?? throw new InvalidDataException("a put in the index log carries no document");
        if (index.Catalog.All.Any(r => r.ContentHash == record.ContentHash))
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Skipped {DocumentId} from {Source}: its content is already indexed", record.Id, record.Source);
            }
            return;
        }
        try
        {
            index.Replace(record, operation.Extracted ?? throw new InvalidDataException("a put in the index log carries no text"), operation.Chunks ?? []);
        }
        catch (EmbeddingModelMismatchException ex)
        {
            // Every node refuses it alike, so the indexes stay equal; the worker's model must be made the index's.
            logger.LogError(ex, "Skipped {DocumentId} from {Source}: embedded by another model than the index's", record.Id, record.Source);
        }
    }

    private static void SetModel(KeywordIndex index, string model, ILogger logger)
    {
        if (index.EmbeddingModel is { } current && current != model)
        {
            logger.LogError("Ignored the model {Model} from the index log: the index holds vectors of {Current}", model, current);
            return;
        }
        index.RecordModel(model);
    }
}
