using KnowledgeBase.Core.Documents.Metadata;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace KnowledgeBase.Core.Cluster;

/// <summary>
/// A stateless ingestion worker: takes files from the work queue (one durable consumer shared by every worker, so
/// each file goes to one of them), runs the ingestion pipeline read → extract → OCR → chunk → describe → embed, and
/// publishes the document to the index log. It acknowledges only after the publish; a worker that dies holding a
/// file stops reporting progress, and JetStream gives the file to another worker after the ack wait.
/// </summary>
public sealed class ClusterWorker(ClusterConnection cluster, IngestionRunner runner, TimeProvider time, ILogger<ClusterWorker>? logger = null)
{
    // A file that fails this often (it crashes every worker that takes it) is given up, not retried forever.
    private const int MaxDeliveries = 5;

    private readonly ILogger _logger = logger ?? NullLogger<ClusterWorker>.Instance;
    private readonly IndexLog _log = new(cluster);
    private readonly ClusterJobs _jobs = new(cluster);

    /// <summary>Called when the worker takes a file (before any work), and when it has published or rejected it.</summary>
    public event Action<WorkItem, IngestionOutcome?>? Progress;

    /// <summary>Takes and ingests files until cancelled, <see cref="ClusterOptions.WorkerConcurrency"/> at a time.</summary>
    public async Task RunAsync(string scratchFolder, CancellationToken cancellationToken)
    {
        var consumer = await cluster.JetStream.CreateOrUpdateConsumerAsync(ClusterConnection.WorkStream, new ConsumerConfig(ClusterConnection.WorkersConsumer)
        {
            AckPolicy = ConsumerConfigAckPolicy.Explicit,
            AckWait = cluster.Options.WorkAckWait,
            MaxDeliver = MaxDeliveries,
        }, cancellationToken);
        // An empty, never-written index: EmbedStep asks it for stored vectors and finds none (workers keep no index).
        using var noCache = KeywordIndex.OpenForReading(Directory.CreateDirectory(Path.Combine(scratchFolder, "no-index")).FullName);
        var loops = Enumerable.Range(0, cluster.Options.WorkerConcurrency)
            .Select(_ => TakeFilesAsync(consumer, noCache, scratchFolder, cancellationToken));
        await Task.WhenAll(loops);
    }

    private async Task TakeFilesAsync(INatsJSConsumer consumer, KeywordIndex noCache, string scratchFolder, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var message = await consumer.NextAsync<byte[]>(opts: new NatsJSNextOpts { Expires = TimeSpan.FromSeconds(5) }, cancellationToken: cancellationToken);
                if (message is { } taken)
                {
                    await IngestAsync(taken, noCache, scratchFolder, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // A lost server, an unavailable log, a missing original: the file (if any) was not acknowledged, so
                // JetStream gives it out again (at most MaxDeliveries times); the worker itself carries on.
                _logger.LogWarning(ex, "Taking or ingesting a file failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task IngestAsync(INatsJSMsg<byte[]> message, KeywordIndex noCache, string scratchFolder, CancellationToken cancellationToken)
    {
        var item = WorkSubmitter.Read(message.Data ?? []);
        Progress?.Invoke(item, null);
        var folder = Directory.CreateDirectory(Path.Combine(scratchFolder, item.Id)).FullName;
        using var alive = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = ReportProgressAsync(message, alive.Token);
        try
        {
            await SetJobAsync(item, new ClusterJobFile(item.FileName, "running", WorkId: item.Id), cancellationToken);
            // The file keeps its own name, which the parsers and the title fallback read.
            var path = Path.Combine(folder, Path.GetFileName(item.FileName));
            await using (var file = File.Create(path))
            {
                if (item.ContentHash is null || !await new OriginalStore(cluster).TryCopyToAsync(item.ContentHash, file, cancellationToken))
                {
                    // Not the worker's fault: left unacknowledged, the item comes back (at most MaxDeliveries times).
                    throw new InvalidDataException($"the original of {item.Source} is not in the object store");
                }
            }
            if (item.Metadata is { } metadata)
            {
                // Where DescribeStep looks for it, so metadata overrides what the extractor found, as in one process.
                await File.WriteAllTextAsync(SidecarMetadata.PathFor(path), metadata, cancellationToken);
            }
            var publish = new PublishStep(_log, item, time);
            var outcome = await runner.RunFileAsync(new SourceFile(path, item.Source), noCache, publish, cancellationToken);
            await SetJobAsync(item, outcome.Status == IngestionStatus.Failed
                ? new ClusterJobFile(item.FileName, "failed", Reason: outcome.Reason, WorkId: item.Id)
                : new ClusterJobFile(item.FileName, "succeeded", outcome.DocumentId, Sequence: publish.Sequence, WorkId: item.Id), cancellationToken);
            // A file the pipeline rejected is done too: another worker would reject it alike.
            await message.AckAsync(cancellationToken: cancellationToken);
            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.LogInformation("Ingested {Source}: {Status} at log sequence {Sequence}", item.Source, outcome.Status, publish.Sequence);
            }
            Progress?.Invoke(item, outcome);
        }
        finally
        {
            await alive.CancelAsync();
            await heartbeat;
            TryDelete(folder);
        }
    }

    private async Task SetJobAsync(WorkItem item, ClusterJobFile file, CancellationToken cancellationToken)
    {
        if (item.JobId is { } jobId)
        {
            await _jobs.SetAsync(jobId, item.FileIndex, file, cancellationToken);
        }
    }

    // "Still working": holds the file for another ack wait. Stops with the worker, so a dead worker's file returns.
    private async Task ReportProgressAsync(INatsJSMsg<byte[]> message, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(cluster.Options.WorkAckWait / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await message.AckProgressAsync(cancellationToken: cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or NATS.Client.Core.NatsException)
        {
            // Stopped, or the connection is away: the next tick (or the redelivery) settles it.
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A scratch copy left behind is harmless; the next start of the worker uses new folders.
        }
    }
}
