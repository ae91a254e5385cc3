using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using NATS.Client.KeyValueStore;
using NATS.Client.ObjectStore;
using NATS.Client.ObjectStore.Models;

namespace KnowledgeBase.Core.Cluster;

/// <summary>
/// One connection to the NATS cluster and the JetStream resources every node shares, created when missing (creating
/// them again with the same settings changes nothing, so every node may start first): the index log, the work
/// queue, the originals, the large log entries and the jobs.
/// </summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    internal const string LogStream = "KB_LOG";
    internal const string LogSubject = "kb.log";
    internal const string WorkStream = "KB_WORK";
    internal const string WorkSubject = "kb.work";
    internal const string WorkersConsumer = "workers";

    private ClusterConnection(ClusterOptions options, NatsConnection nats, NatsJSContext jetStream)
    {
        Options = options;
        Nats = nats;
        JetStream = jetStream;
    }

    public ClusterOptions Options { get; }

    internal NatsConnection Nats { get; }

    internal NatsJSContext JetStream { get; }

    /// <summary>Originals by content hash (<see cref="OriginalStore"/>): what workers ingest and any node serves.</summary>
    internal INatsObjStore Originals { get; private set; } = null!;

    /// <summary>Log entries larger than a NATS message may be, by their message id; the log entry points here.</summary>
    internal INatsObjStore LargeEntries { get; private set; } = null!;

    /// <summary>Copies of a node's whole index with the log sequence they hold (<see cref="IndexSnapshots"/>).</summary>
    internal INatsObjStore Snapshots { get; private set; } = null!;

    /// <summary>Ingestion jobs, so any node answers for a job another node accepted.</summary>
    internal INatsKVStore Jobs { get; private set; } = null!;

    public static async Task<ClusterConnection> ConnectAsync(ClusterOptions options, CancellationToken cancellationToken)
    {
        options.Validate();
        var nats = new NatsConnection(new NatsOpts
        {
            Url = options.Nats!,
            Name = "knowledgebase",
            // A server of the cluster going away is routine: keep reconnecting to the others.
            MaxReconnectRetry = -1,
            RequestTimeout = TimeSpan.FromSeconds(10),
        });
        try
        {
            await nats.ConnectAsync();
            var connection = new ClusterConnection(options, nats, new NatsJSContext(nats));
            await connection.EnsureResourcesAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await nats.DisposeAsync();
            throw;
        }
    }

    private async Task EnsureResourcesAsync(CancellationToken cancellationToken)
    {
        var replicas = Options.Replicas;
        // The log keeps everything (limits retention without limits): a new node replays it from the start.
        await JetStream.CreateOrUpdateStreamAsync(new StreamConfig(LogStream, [LogSubject])
        {
            Storage = StreamConfigStorage.File,
            Retention = StreamConfigRetention.Limits,
            NumReplicas = replicas,
            // A worker that published and died before its ack publishes again when its file comes back: the
            // same message id within this window is stored once.
            DuplicateWindow = TimeSpan.FromMinutes(30),
        }, cancellationToken);
        await JetStream.CreateOrUpdateStreamAsync(new StreamConfig(WorkStream, [WorkSubject])
        {
            Storage = StreamConfigStorage.File,
            Retention = StreamConfigRetention.Workqueue,
            NumReplicas = replicas,
            DuplicateWindow = TimeSpan.FromMinutes(30),
        }, cancellationToken);
        var objects = new NatsObjContext(JetStream);
        Originals = await objects.CreateObjectStoreAsync(new NatsObjConfig("kb-originals") { NumberOfReplicas = replicas, Storage = NatsObjStorageType.File }, cancellationToken);
        LargeEntries = await objects.CreateObjectStoreAsync(new NatsObjConfig("kb-log-entries") { NumberOfReplicas = replicas, Storage = NatsObjStorageType.File }, cancellationToken);
        Snapshots = await objects.CreateObjectStoreAsync(new NatsObjConfig("kb-snapshots") { NumberOfReplicas = replicas, Storage = NatsObjStorageType.File }, cancellationToken);
        Jobs = await new NatsKVContext(JetStream).CreateStoreAsync(new NatsKVConfig("kb-jobs") { NumberOfReplicas = replicas, Storage = NatsKVStorageType.File }, cancellationToken);
    }

    /// <summary>The sequence of the log's last entry: what a node has applied everything up to when it is caught up.</summary>
    public async Task<long> LastLogSequenceAsync(CancellationToken cancellationToken)
    {
        var stream = await JetStream.GetStreamAsync(LogStream, cancellationToken: cancellationToken);
        return (long)stream.Info.State.LastSeq;
    }

    /// <summary>The sequence of the log's first entry still kept (after a compaction, the one after the purged ones).</summary>
    public async Task<long> FirstLogSequenceAsync(CancellationToken cancellationToken)
    {
        var stream = await JetStream.GetStreamAsync(LogStream, cancellationToken: cancellationToken);
        return (long)stream.Info.State.FirstSeq;
    }

    public ValueTask DisposeAsync() => Nats.DisposeAsync();
}
