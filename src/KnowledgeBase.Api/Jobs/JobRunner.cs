using System.Diagnostics;
using KnowledgeBase.Api.Configuration;
using KnowledgeBase.Api.Storage;
using KnowledgeBase.Api.Telemetry;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Pipeline;

namespace KnowledgeBase.Api.Jobs;

/// <summary>
/// Runs one job on the shared index: files through the <see cref="IngestionRunner"/> (recording each outcome as it
/// comes, so a restart redoes only unfinished files), or a reindex. Running a finished job does nothing.
/// </summary>
internal sealed class JobRunner(
    JobStore store,
    KeywordIndex index,
    IngestionRunner ingestion,
    Reindexer reindexer,
    OriginalFiles originals,
    DataFolders folders,
    ServiceMetrics metrics,
    IngestionScheduler scheduler,
    ILogger<JobRunner> logger)
{
    public async Task RunAsync(string jobId, CancellationToken cancellationToken)
    {
        if (store.Get(jobId) is not { IsFinished: false })
        {
            return;
        }
        using var activity = ServiceMetrics.Activities.StartActivity("ingestion job");
        activity?.SetTag("kb.job.id", jobId);
        var stopwatch = Stopwatch.StartNew();
        var job = store.Update(jobId, j => j with
        {
            State = JobState.Running,
            StartedAt = j.StartedAt ?? store.Now,
            Files = j.Files.Select(f => f.State is JobFileState.Queued or JobFileState.Running ? f with { State = JobFileState.Running } : f).ToList(),
        });
        ServiceLog.Started(logger, jobId, job.Kind, job.Files.Count(f => f.State == JobFileState.Running));
        string? message = null;
        var state = JobState.Completed;
        if (job.Kind is JobKind.Reindex or JobKind.ReindexEmbeddings)
        {
            (state, message) = await ReindexAsync(job.Kind == JobKind.ReindexEmbeddings, cancellationToken);
        }
        else
        {
            var pending = job.Files.Where(f => f.State == JobFileState.Running).Select(f => new SourceFile(f.StoredPath, f.StoredPath)).ToList();
            var progress = new SynchronousProgress<IngestionOutcome>(outcome => Record(jobId, outcome));
            var pages = new SynchronousProgress<PageProgress>(page => RecordPages(jobId, page));
            // On a scheduler of its own, so the parsing and embedding it fans out (which runs on TaskScheduler.Current)
            // cannot take the cores searches need.
            await Task.Factory.StartNew(
                () => ingestion.RunAsync(index, pending, progress, pages, cancellationToken),
                cancellationToken, TaskCreationOptions.DenyChildAttach, scheduler.Scheduler).Unwrap();
        }
        job = store.Update(jobId, j => j with { State = state, FinishedAt = store.Now, Message = message });
        if (job.Kind == JobKind.Upload)
        {
            UploadFolders.Delete(folders, jobId);
        }
        metrics.JobDuration.Record(stopwatch.Elapsed.TotalSeconds, new KeyValuePair<string, object?>("kind", job.Kind.ToString()));
        ServiceLog.Finished(logger, jobId, job.State, stopwatch.Elapsed.TotalSeconds,
            job.Files.Count(f => f.State == JobFileState.Succeeded),
            job.Files.Count(f => f.State == JobFileState.SkippedDuplicate),
            job.Files.Count(f => f.State == JobFileState.Failed));
    }

    /// <summary>Marks a job that cannot run at all (its runner threw) so it is not retried forever.</summary>
    public void Fail(string jobId, string reason) =>
        store.Update(jobId, j => j with { State = JobState.Failed, FinishedAt = store.Now, Message = PublicReason.Of(reason) });

    private async Task<(JobState, string)> ReindexAsync(bool rebuildEmbeddings, CancellationToken cancellationToken)
    {
        var count = await reindexer.RunAsync(index, rebuildEmbeddings, null, cancellationToken);
        return (JobState.Completed, $"reindexed {count} documents");
    }

    private void Record(string jobId, IngestionOutcome outcome)
    {
        var state = outcome.Status switch
        {
            IngestionStatus.Indexed or IngestionStatus.Replaced or IngestionStatus.Unchanged => JobFileState.Succeeded,
            IngestionStatus.Duplicate => JobFileState.SkippedDuplicate,
            _ => JobFileState.Failed,
        };
        if (state != JobFileState.Failed)
        {
            KeepOriginal(outcome.File.Path);
        }
        var job = store.Update(jobId, j => j with
        {
            Files = j.Files.Select(f => f.StoredPath == outcome.File.Path
                ? f with { State = state, DocumentId = outcome.DocumentId, Reason = PublicReason.Of(outcome.Reason) }
                : f).ToList(),
        });
        metrics.Files.Add(1, new KeyValuePair<string, object?>("state", state.ToString()));
        var name = job.Files.First(f => f.StoredPath == outcome.File.Path).Name;
        if (state == JobFileState.Failed)
        {
            ServiceLog.FileFailed(logger, jobId, name, outcome.Reason);
        }
        else
        {
            ServiceLog.FileDone(logger, jobId, name, state, outcome.DocumentId);
        }
    }

    private void RecordPages(string jobId, PageProgress progress) =>
        store.Update(jobId, j => j with
        {
            Files = j.Files.Select(f => f.StoredPath == progress.File.Path
                ? f with { PagesRead = progress.PagesDone, PagesToRead = progress.PagesTotal }
                : f).ToList(),
        });

    private void KeepOriginal(string path)
    {
        try
        {
            originals.Keep(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The document is indexed; only its download is missing. Say so rather than fail the file.
            ServiceLog.OriginalNotKept(logger, ex, path);
        }
    }

    /// <summary>Reports on the runner's thread, so every outcome is recorded before RunAsync returns.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
