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

    // Attempts at one delivery of a file when the cluster, not the file, fails (about 90 s of backoff in all).
    private const int AttemptsInPlace = 8;

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
                    await IngestHoldingAsync(taken, noCache, scratchFolder, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // A missing original, or a cluster fault that outlasted the attempts in place: the file (if any) was
                // not acknowledged, so JetStream gives it out again (at most MaxDeliveries times); the worker carries on.
                _logger.LogWarning(ex, "Taking or ingesting a file failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>
    /// Ingests a file taken from the queue, holding it (progress reports) through every attempt. A fault of the
    /// cluster rather than of the file (a server lost, a stream electing its leader, the log unavailable) is retried
    /// here with backoff: left unacknowledged instead, the file would wait a whole ack wait before anyone tried again,
    /// and each wait spends one of its <see cref="MaxDeliveries"/>.
    /// </summary>
    private async Task IngestHoldingAsync(INatsJSMsg<byte[]> message, KeywordIndex noCache, string scratchFolder, CancellationToken cancellationToken)
    {
        var item = WorkSubmitter.Read(message.Data ?? []);
        Progress?.Invoke(item, null);
        using var alive = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = ReportProgressAsync(message, alive.Token);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await IngestAsync(message, item, noCache, scratchFolder, cancellationToken);
                    return;
                }
                catch (Exception ex) when (IsClusterFault(ex) && attempt < AttemptsInPlace && !cancellationToken.IsCancellationRequested)
                {
                    var delay = RetryDelay(attempt);
                    _logger.LogWarning(ex, "Ingesting {Source} failed on the cluster (attempt {Attempt}); retrying in {Delay}", item.Source, attempt, delay);
                    await Task.Delay(delay, cancellationToken);
                }
            }
        }
        finally
        {
            await alive.CancelAsync();
            await heartbeat;
        }
    }

    // The NATS client's errors (no response while a stream elects a leader, no responders, a lost connection) and
    // the log being unavailable; not a missing original or a file the pipeline cannot read.
    private static bool IsClusterFault(Exception ex) => ex is NATS.Client.Core.NatsException or IndexUnavailableException or TimeoutException;

    // 1, 2, 4, 8, 16, 30, 30 s: a leader election takes seconds, a restarted server tens of seconds.
    private static TimeSpan RetryDelay(int attempt) => TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(attempt - 1, 5)));

    private async Task IngestAsync(INatsJSMsg<byte[]> message, WorkItem item, KeywordIndex noCache, string scratchFolder, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(Path.Combine(scratchFolder, item.Id)).FullName;
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
                try
                {
                    await message.AckProgressAsync(cancellationToken: cancellationToken);
                }
                catch (NATS.Client.Core.NatsException)
                {
                    // The connection is away (a server lost): the next tick reports again, or the file is redelivered.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped with the attempt or the worker.
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
