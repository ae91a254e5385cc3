using System.Text.Json;
using KnowledgeBase.Core.Documents.Metadata;
using KnowledgeBase.Core.Indexing;
using NATS.Client.JetStream;

namespace KnowledgeBase.Core.Cluster;

/// <summary>
/// Hands files to the cluster's workers: the original goes to the object store (replicated, so no node's disk is
/// its only copy; named by its content hash, so any node can serve it later), then a work item to the work-queue stream, where exactly one worker takes it.
/// </summary>
public sealed class WorkSubmitter(ClusterConnection cluster)
{
    /// <summary>Queues the file at <paramref name="path"/> (with its sidecar metadata, if any) to be ingested under <paramref name="source"/>.</summary>
    public async Task<WorkItem> SubmitAsync(string path, string source, string? jobId, int fileIndex, CancellationToken cancellationToken)
    {
        var hash = await new OriginalStore(cluster).SaveAsync(path, cancellationToken);
        var sidecar = SidecarMetadata.PathFor(path);
        var metadata = File.Exists(sidecar) ? await File.ReadAllTextAsync(sidecar, cancellationToken) : null;
        var item = new WorkItem(Guid.NewGuid().ToString("n"), source, Path.GetFileName(path), jobId, fileIndex, hash, metadata);
        var ack = await cluster.JetStream.PublishAsync(ClusterConnection.WorkSubject, JsonSerializer.SerializeToUtf8Bytes(item, KeywordIndex.Json),
            opts: new NatsJSPubOpts { MsgId = item.Id }, cancellationToken: cancellationToken);
        ack.EnsureSuccess();
        return item;
    }

    internal static WorkItem Read(byte[] body) =>
        JsonSerializer.Deserialize<WorkItem>(body, KeywordIndex.Json) ?? throw new InvalidDataException("a work item is empty");
}
