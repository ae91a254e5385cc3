using NATS.Client.Core;
using NATS.Client.JetStream;

namespace KnowledgeBase.Core.Cluster;

/// <summary>
/// The append-only JetStream stream of index operations. Its sequence numbers order every change of every search
/// node's index, as a primary's sequence numbers order a shard's operations in Elasticsearch. An entry too large for
/// one NATS message is stored in the object store and the log entry names it.
/// </summary>
public sealed class IndexLog(ClusterConnection cluster)
{
    private const string LargeEntryHeader = "Kb-Large-Entry";

    // Room for the message's headers inside the server's payload limit.
    private const int HeaderRoom = 16 * 1024;

    /// <summary>
    /// Appends an operation and returns its sequence. The same <paramref name="messageId"/> published again within
    /// the stream's duplicate window is stored once, and the sequence of the first copy comes back.
    /// </summary>
    public Task<long> AppendAsync(IndexOperation operation, string messageId, CancellationToken cancellationToken) =>
        AppendAsync(operation, messageId, expectedLast: null, cancellationToken);

    /// <summary>
    /// Appends an operation only while <paramref name="expectedLast"/> is still the log's last sequence (the server
    /// checks it as it stores the entry); otherwise a <see cref="NatsJSApiException"/> says the sequence was wrong.
    /// </summary>
    public Task<long> AppendAfterAsync(IndexOperation operation, string messageId, long expectedLast, CancellationToken cancellationToken) =>
        AppendAsync(operation, messageId, (long?)expectedLast, cancellationToken);

    private async Task<long> AppendAsync(IndexOperation operation, string messageId, long? expectedLast, CancellationToken cancellationToken)
    {
        var body = IndexOperationCodec.Encode(operation);
        NatsHeaders? headers = null;
        var limit = (cluster.Nats.ServerInfo?.MaxPayload ?? 1024 * 1024) - HeaderRoom;
        if (body.Length > limit)
        {
            await cluster.LargeEntries.PutAsync(messageId, body, cancellationToken);
            headers = new NatsHeaders { [LargeEntryHeader] = messageId };
            body = [];
        }
        var ack = await cluster.JetStream.PublishAsync(ClusterConnection.LogSubject, body, headers: headers,
            opts: new NatsJSPubOpts { MsgId = messageId, ExpectedLastSequence = (ulong?)expectedLast }, cancellationToken: cancellationToken);
        // A duplicate is the expected answer to a second publish of the same entry: it names the first copy's sequence.
        if (!ack.Duplicate)
        {
            ack.EnsureSuccess();
        }
        return (long)ack.Seq;
    }

    /// <summary>The operation a log message carries, read from the object store when it was too large to carry.</summary>
    internal async Task<IndexOperation> ReadAsync(INatsJSMsg<byte[]> message, CancellationToken cancellationToken)
    {
        if (message.Headers is { } headers && headers.TryGetValue(LargeEntryHeader, out var name))
        {
            return IndexOperationCodec.Decode(await cluster.LargeEntries.GetBytesAsync(name.ToString(), cancellationToken));
        }
        return IndexOperationCodec.Decode(message.Data ?? []);
    }
}
