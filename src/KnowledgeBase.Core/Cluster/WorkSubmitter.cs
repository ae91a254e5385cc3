using System.Text.Json;
using KnowledgeBase.Core.Indexing;
using NATS.Client.JetStream;

namespace KnowledgeBase.Core.Cluster;

/// <summary>
/// Hands files to the cluster's workers: the original goes to the object store (replicated, so no node's disk is
/// its only copy), then a work item to the work-queue stream, where exactly one worker takes it.
/// </summary>
public sealed class WorkSubmitter(ClusterConnection cluster)
{
    /// <summary>Queues the file at <paramref name="path"/> to be ingested under <paramref name="source"/>.</summary>
    public async Task<WorkItem> SubmitAsync(string path, string source, string? jobId, int fileIndex, CancellationToken cancellationToken)
    {
        var item = new WorkItem(Guid.NewGuid().ToString("n"), source, Path.GetFileName(path), jobId, fileIndex);
        await using (var file = File.OpenRead(path))
        {
            await cluster.Originals.PutAsync(item.Id, file, cancellationToken: cancellationToken);
        }
        var ack = await cluster.JetStream.PublishAsync(ClusterConnection.WorkSubject, JsonSerializer.SerializeToUtf8Bytes(item, KeywordIndex.Json),
            opts: new NatsJSPubOpts { MsgId = item.Id }, cancellationToken: cancellationToken);
        ack.EnsureSuccess();
        return item;
    }

    internal static WorkItem Read(byte[] body) =>
        JsonSerializer.Deserialize<WorkItem>(body, KeywordIndex.Json) ?? throw new InvalidDataException("a work item is empty");
}
