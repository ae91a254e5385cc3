using KnowledgeBase.Core.Ingestion.Pipeline;
using KnowledgeBase.Core.Ingestion.Pipeline.Steps;

namespace KnowledgeBase.Core.Cluster;

/// <summary>
/// A worker's last step, in place of the index step: the document goes to the index log, where every search node
/// indexes it. The work item's id is the message id, so a second publish of the same file (after a crash before the
/// ack) is stored once.
/// </summary>
internal sealed class PublishStep(IndexLog log, WorkItem item, TimeProvider time) : IIngestionStep
{
    public string Name => "publish";

    public bool IsExclusive => false;

    /// <summary>The log sequence of the published document, once published.</summary>
    public long Sequence { get; private set; }

    public async ValueTask ExecuteAsync(IngestionContext context, CancellationToken cancellationToken)
    {
        var extracted = context.Extracted!;
        var record = IndexStep.BuildRecord(context, extracted, time);
        try
        {
            Sequence = await log.AppendAsync(IndexOperation.Put(record, extracted, context.Chunks), item.Id, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not the file's fault: the runner lets this through (a failed outcome would be acknowledged and lost),
            // the worker leaves the file unacknowledged, and it comes back.
            throw new Indexing.IndexUnavailableException($"the cluster's index log is unavailable ({ex.Message})", ex);
        }
        context.Outcome = new IngestionOutcome(context.File, IngestionStatus.Indexed, record.Id, record.PageCount, record.ChunkCount, Warnings: record.Warnings);
    }
}
