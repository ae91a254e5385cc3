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
/// can disagree with the index on disk.
/// </summary>
public sealed class LogApplier(ClusterConnection cluster, KeywordIndex index, ILogger<LogApplier>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<LogApplier>.Instance;
    private readonly IndexLog _log = new(cluster);
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

    private async Task FollowAsync(CancellationToken cancellationToken)
    {
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
                // build an index that silently lacks them.
                Fault = $"the index log has no entries {AppliedSequence + 1}..{sequence - 1} any more; this node needs a snapshot of another node's index";
                _logger.LogError("Stopped following the index log: {Fault}", Fault);
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
            Apply(operation, sequence);
        }
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
