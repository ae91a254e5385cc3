namespace KnowledgeBase.Core.Cluster;

/// <summary>
/// Cluster mode (configuration section "Cluster", <c>KB__Cluster__…</c>). Without <see cref="Nats"/> nothing of it
/// runs: the service and <c>kb</c> stay one process with an embedded index.
/// </summary>
public sealed class ClusterOptions
{
    public const string SectionName = "Cluster";

    /// <summary>The NATS server(s) with JetStream, e.g. <c>nats://a:4222,nats://b:4222</c>; empty: single process.</summary>
    public string? Nats { get; set; }

    /// <summary>Copies JetStream keeps of the log, the work queue, the originals and the jobs: 3 on a three-server cluster.</summary>
    public int Replicas { get; set; } = 1;

    /// <summary>
    /// How long a worker may hold a file without a sign of life before another worker gets it. A live worker says it
    /// is still working every third of this, so only a dead one loses its file.
    /// </summary>
    public TimeSpan WorkAckWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Files one worker process ingests at once: one per core, as <c>kb ingest</c> does, so extracting and chunking one
    /// file overlaps embedding another (with 1, a 2-core worker took 2.5× as long as <c>kb ingest</c>; see README).
    /// </summary>
    public int WorkerConcurrency { get; set; } = Environment.ProcessorCount;

    /// <summary>The longest a read with <c>minSequence</c> waits for this node to apply that log entry.</summary>
    public TimeSpan MaxReadWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A search node publishes a snapshot of its index after applying this many log entries since its last one, so
    /// nodes can start from it once the log is compacted; 0 (the default): this node publishes none (one node of the
    /// cluster is enough, and <c>kb cluster compact</c> publishes one too).
    /// </summary>
    public int SnapshotEvery { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Nats);

    /// <summary>Checks the settings; the error names the configuration path.</summary>
    public void Validate()
    {
        if (Replicas is < 1 or > 5)
        {
            throw new Configuration.ConfigurationException($"{SectionName}:Replicas: must be between 1 and 5 (JetStream's limit), not {Replicas}");
        }
        if (WorkAckWait < TimeSpan.FromSeconds(1))
        {
            throw new Configuration.ConfigurationException($"{SectionName}:WorkAckWait: must be at least one second");
        }
        if (SnapshotEvery < 0)
        {
            throw new Configuration.ConfigurationException($"{SectionName}:SnapshotEvery: must be 0 (no snapshots) or more");
        }
        if (WorkerConcurrency < 1)
        {
            throw new Configuration.ConfigurationException($"{SectionName}:WorkerConcurrency: must be at least 1");
        }
    }
}
