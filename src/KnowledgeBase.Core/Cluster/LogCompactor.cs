using KnowledgeBase.Core.Indexing;
using Microsoft.Extensions.Logging;
using NATS.Client.JetStream.Models;

namespace KnowledgeBase.Core.Cluster;

/// <summary>
/// Shortens the index log: brings an index up to the log's last entry (from the newest snapshot when the log is
/// already compacted), publishes a snapshot of it, and only then removes the entries that snapshot holds. A node
/// behind the removed entries restores the snapshot and replays the rest, so nothing the log held is lost.
/// </summary>
public sealed class LogCompactor(ClusterConnection cluster, ILogger<LogApplier>? logger = null)
{
    /// <summary>Compacts the log up to the snapshot of <paramref name="index"/>; the snapshot's sequence (0: log empty).</summary>
    public async Task<long> CompactAsync(KeywordIndex index, CancellationToken cancellationToken)
    {
        var applier = await LogApplier.CatchUpAsync(cluster, index, logger, "compact the index log", cancellationToken);
        if (await applier.PublishSnapshotAsync(cancellationToken) is not { } snapshot)
        {
            return 0;
        }
        var stream = await cluster.JetStream.GetStreamAsync(ClusterConnection.LogStream, cancellationToken: cancellationToken);
        // Entries after the snapshot (appended meanwhile) stay: the purge removes only what the snapshot holds.
        await stream.PurgeAsync(new StreamPurgeRequest { Seq = (ulong)snapshot + 1 }, cancellationToken);
        return snapshot;
    }
}
