using KnowledgeBase.Core.Indexing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace KnowledgeBase.Core.Cluster;

/// <summary>
/// Keeps one search node's index in step with the index log. It reads the log in order from the sequence after the
/// one stored in the index's last commit, through an ordered consumer (an ephemeral consumer that the client
/// recreates at the right sequence after a gap or a lost server), and commits each operation together with its
/// sequence. The commit is therefore the only acknowledgement: a crash before it re-reads the operation, a crash
/// after it resumes past it, so nothing is applied twice or skipped, and no durable consumer's state on the server
/// can disagree with the index on disk. When the log no longer holds the entries after its sequence (the log was
/// compacted), the node replaces its index with the newest snapshot that reaches the log's first entry and goes on
/// from the snapshot's sequence; with <see cref="ClusterOptions.SnapshotEvery"/> it publishes snapshots itself.
/// </summary>
public sealed class LogApplier(ClusterConnection cluster, KeywordIndex index, ILogger<LogApplier>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<LogApplier>.Instance;
    private readonly IndexLog _log = new(cluster);
    private readonly IndexSnapshots _snapshots = new(cluster);
    private long _lastSnapshot = index.AppliedLogSequence;
    private TaskCompletionSource _applied = NewSignal();
    private long _appliedSequence = index.AppliedLogSequence;

    /// <summary>The last log sequence this node's index holds.</summary>
    public long AppliedSequence => Interlocked.Read(ref _appliedSequence);

    /// <summary>Operations applied by this instance since it started (a restarted node starts again from 0).</summary>
    public int AppliedCount { get; private set; }

    /// <summary>Why the node stopped following the log, when it did; null while it follows it.</summary>
    public string? Fault { get; private set; }

    /// <summary>Applies the log until cancelled; a lost connection is retried, a gap in the log stops it.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && Fault is null)
        {
            try
            {
                await FollowAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Whatever broke (a lost server, a full disk), the node must keep trying, not stop following quietly.
                _logger.LogWarning(ex, "Following the index log failed after sequence {Sequence}; retrying", AppliedSequence);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>
    /// Brings <paramref name="index"/> up to the log's last entry at the time of the call (from the newest snapshot
    /// when the log is compacted) and stops; an error naming <paramref name="purpose"/> when it cannot.
    /// </summary>
    internal static async Task<LogApplier> CatchUpAsync(ClusterConnection cluster, KeywordIndex index, ILogger<LogApplier>? logger,
        string purpose, CancellationToken cancellationToken)
    {
        var last = await cluster.LastLogSequenceAsync(cancellationToken);
        var applier = new LogApplier(cluster, index, logger);
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var following = applier.RunAsync(stop.Token);
            // Replaying a long log takes as long as it takes; the applier returns early only when it cannot go on.
            await Task.WhenAny(applier.WaitForAsync(last, Timeout.InfiniteTimeSpan, cancellationToken), following);
            await stop.CancelAsync();
            await following;
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (applier.Fault is { } fault)
        {
            throw new IndexUnavailableException($"cannot {purpose}: {fault}");
        }
        return applier;
    }

    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        var firstKept = await cluster.FirstLogSequenceAsync(cancellationToken);
        if (AppliedSequence + 1 < firstKept)
        {
            await BootstrapAsync(firstKept, cancellationToken);
            return;
        }
        var consumer = await cluster.JetStream.CreateOrderedConsumerAsync(ClusterConnection.LogStream, new NatsJSOrderedConsumerOpts
        {
            DeliverPolicy = ConsumerConfigDeliverPolicy.ByStartSequence,
            OptStartSeq = (ulong)AppliedSequence + 1,
        }, cancellationToken);
        await foreach (var message in consumer.ConsumeAsync<byte[]>(cancellationToken: cancellationToken))
        {
            var sequence = (long)message.Metadata!.Value.Sequence.Stream;
            if (sequence <= AppliedSequence)
            {
                continue;
            }
            if (sequence != AppliedSequence + 1)
            {
                // Entries were removed from the log (compacted) before this node applied them: replaying on would
                // build an index that silently lacks them. A snapshot that reaches this entry replaces the index.
                await BootstrapAsync(sequence, cancellationToken);
                return;
            }
            IndexOperation? operation;
            try
            {
                operation = await _log.ReadAsync(message, cancellationToken);
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidDataException)
            {
                // Every node reads the same bytes and skips them alike; retrying would stop this node for good.
                _logger.LogError(ex, "Skipped index-log entry {Sequence}: it cannot be read", sequence);
                operation = null;
            }
            if (operation?.Kind == IndexOperationKind.Rebase)
            {
                await RebaseAsync(operation, sequence, cancellationToken);
            }
            else
            {
                Apply(operation, sequence);
            }
            if (Fault is not null)
            {
                return;
            }
            if (cluster.Options.SnapshotEvery > 0 && sequence - _lastSnapshot >= cluster.Options.SnapshotEvery)
            {
                await PublishSnapshotAsync(cancellationToken);
            }
        }
    }

    /// <summary>
    /// Replaces the index with the newest snapshot when it holds everything before <paramref name="firstKept"/>, the
    /// log's first entry still kept; otherwise the node stops following (its index would silently lack entries).
    /// </summary>
    private async Task BootstrapAsync(long firstKept, CancellationToken cancellationToken)
    {
        var snapshot = await _snapshots.NewestAsync(cancellationToken);
        if (snapshot is null || snapshot.Sequence + 1 < firstKept)
        {
            Fault = $"the index log has no entries {AppliedSequence + 1}..{firstKept - 1} any more and no snapshot holds them"
                + (snapshot is null ? "" : $" (the newest snapshot is at sequence {snapshot.Sequence})");
            _logger.LogError("Stopped following the index log: {Fault}", Fault);
            return;
        }
        _logger.LogWarning("The index log starts at {FirstKept}, after this node's sequence {Sequence}: restoring the snapshot at {SnapshotSequence}",
            firstKept, AppliedSequence, snapshot.Sequence);
        var restored = await _snapshots.RestoreAsync(snapshot, index, asSequence: null, cancellationToken);
        Interlocked.Exchange(ref _appliedSequence, restored);
        _lastSnapshot = restored;
        Interlocked.Exchange(ref _applied, NewSignal()).TrySetResult();
    }

    /// <summary>
    /// Applies a rebase entry: the index becomes the entry's snapshot (re-embedded by another model from everything
    /// before the entry) and records the entry's own sequence, in one commit, so a crash re-reads the entry or has
    /// applied it whole. `kb cluster reembed` appends the entry only right after the snapshot's sequence, so no
    /// entry of the log is left out of the snapshot.
    /// </summary>
    private async Task RebaseAsync(IndexOperation rebase, long sequence, CancellationToken cancellationToken)
    {
        if (rebase.Snapshot is not { } name || rebase.SnapshotSequence != sequence - 1)
        {
            // Every node skips it alike; replacing the index with a copy that lacks entries would lose them.
            _logger.LogError("Skipped rebase entry {Sequence}: it names no snapshot of the entry just before it", sequence);
            Apply(null, sequence);
            return;
        }
        try
        {
            await _snapshots.RestoreAsync(new IndexSnapshots.Snapshot(name, sequence - 1), index, sequence, cancellationToken);
        }
        catch (NATS.Client.ObjectStore.NatsObjNotFoundException)
        {
            Fault = $"the rebase entry {sequence} names the snapshot {name}, which the object store kb-snapshots no longer holds";
            _logger.LogError("Stopped following the index log: {Fault}", Fault);
            return;
        }
        if (_logger.IsEnabled(LogLevel.Information))
        {
            _logger.LogInformation("Rebased the index on snapshot {Snapshot} at log sequence {Sequence}: vectors by {Model}", name, sequence, index.EmbeddingModel);
        }
        Interlocked.Exchange(ref _appliedSequence, sequence);
        _lastSnapshot = sequence;
        AppliedCount++;
        Interlocked.Exchange(ref _applied, NewSignal()).TrySetResult();
    }

    /// <summary>Publishes a snapshot of this node's index now; its sequence, or null when the index is still empty.</summary>
    public async Task<long?> PublishSnapshotAsync(CancellationToken cancellationToken)
    {
        var sequence = await _snapshots.PublishAsync(index, cancellationToken);
        if (sequence is { } published)
        {
            _lastSnapshot = published;
            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.LogInformation("Published a snapshot of the index at log sequence {Sequence}", published);
            }
        }
        return sequence;
    }

    /// <summary>Applies one operation and records its sequence in the same commit.</summary>
    internal void Apply(IndexOperation? operation, long sequence)
    {
        index.ApplyLogged(sequence, () =>
        {
            if (operation is not null)
            {
                IndexOperationApplier.Apply(index, operation, _logger);
            }
        });
        Interlocked.Exchange(ref _appliedSequence, sequence);
        AppliedCount++;
        Interlocked.Exchange(ref _applied, NewSignal()).TrySetResult();
    }

    /// <summary>
    /// Waits until this node has applied <paramref name="sequence"/> (a client reading its own write) or the timeout
    /// passes; true when it has.
    /// </summary>
    public async Task<bool> WaitForAsync(long sequence, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (AppliedSequence < sequence)
        {
            var signal = _applied.Task;
            if (AppliedSequence >= sequence)
            {
                break;
            }
            try
            {
                await signal.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return AppliedSequence >= sequence;
            }
        }
        return true;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
