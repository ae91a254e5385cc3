using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Pipeline;
using Microsoft.Extensions.Logging;
using NATS.Client.JetStream;

namespace KnowledgeBase.Core.Cluster;

/// <summary>
/// Changes the embedding model of a running cluster without any replica embedding: builds the index up to the log's
/// last entry S, re-embeds it in one commit with the configured model (as `kb reindex --embeddings` does), publishes
/// it as a snapshot and appends a rebase entry naming it. The server stores that entry only if S is still the log's
/// last entry, so the snapshot holds every entry before the rebase; when the log moved on meanwhile (a worker
/// published), nothing is appended and the operator runs it again.
/// </summary>
public sealed class LogReembedder(ClusterConnection cluster, Reindexer reindexer, ILogger<LogApplier>? logger = null)
{
    /// <summary>Re-embeds the cluster's index into <paramref name="index"/> (an empty folder); null when the log is empty.</summary>
    public async Task<ReembedOutcome?> ReembedAsync(KeywordIndex index, CancellationToken cancellationToken)
    {
        var applier = await LogApplier.CatchUpAsync(cluster, index, logger, "re-embed the index log", cancellationToken);
        if (applier.AppliedSequence == 0)
        {
            return null;
        }
        var documents = await reindexer.RunAsync(index, rebuildEmbeddings: true, progress: null, cancellationToken);
        var model = index.EmbeddingModel ?? throw new IndexUnavailableException("re-embedding recorded no model");
        var snapshots = new IndexSnapshots(cluster);
        var snapshot = await snapshots.PublishForRebaseAsync(index, cancellationToken)
            ?? throw new IndexUnavailableException("the re-embedded index has no commit to publish");
        try
        {
            var rebase = await new IndexLog(cluster).AppendAfterAsync(IndexOperation.Rebase(snapshot.Name, snapshot.Sequence, model),
                snapshot.Name, snapshot.Sequence, cancellationToken);
            return new ReembedOutcome(documents, model, snapshot.Sequence, rebase);
        }
        catch (NatsJSApiException ex)
        {
            await snapshots.DeleteAsync(snapshot, cancellationToken);
            var now = await cluster.LastLogSequenceAsync(cancellationToken);
            throw new IndexUnavailableException(
                $"the index log moved on to sequence {now} while the index of sequence {snapshot.Sequence} was re-embedded ({ex.Error.Description}); "
                + "nothing was changed: stop the workers (or restart them with the new model) and run kb cluster reembed again", ex);
        }
    }
}
