using KnowledgeBase.Api.Telemetry;
using KnowledgeBase.Api.Configuration;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Pipeline;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Api.Jobs;

/// <summary>
/// The one consumer of the job queue. On start it removes upload folders no job owns, resumes unfinished jobs
/// (their finished files stay done; re-reading a committed file finds it unchanged), then, on an empty index,
/// ingests the corpus folder as a job. A job that fails, for any reason, fails alone: the worker and the host go on
/// serving. A job that finds the disk full waits and is tried again.
/// </summary>
internal sealed class IngestionWorker(
    JobStore store,
    JobQueue queue,
    JobRunner runner,
    KeywordIndex index,
    DataFolders folders,
    IOptions<ServiceOptions> options,
    ILogger<IngestionWorker> logger) : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the server takes requests, so no upload is being received into a folder this removes.
        var orphans = UploadFolders.DeleteOrphans(folders, store);
        if (orphans.Count > 0)
        {
            ServiceLog.OrphanedUploads(logger, orphans.Count);
        }
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.PauseIngestion)
        {
            ServiceLog.Paused(logger, store.CountUnfinished());
            return;
        }
        var resume = store.Unfinished();
        if (resume.Count > 0)
        {
            ServiceLog.Resuming(logger, resume.Count);
        }
        var startup = resume.Select(j => j.Id).ToList();
        if (SeedCorpus(resume) is { } seed)
        {
            startup.Add(seed);
        }
        foreach (var jobId in startup)
        {
            await RunAsync(jobId, stoppingToken);
        }
        await foreach (var jobId in queue.Reader.ReadAllAsync(stoppingToken))
        {
            await RunAsync(jobId, stoppingToken);
        }
    }

    private string? SeedCorpus(IReadOnlyList<IngestionJob> resumed)
    {
        if (folders.Corpus is not { } corpus || index.ListDocuments().Count > 0 || resumed.Any(j => j.Kind == JobKind.Corpus))
        {
            return null;
        }
        var (files, missing) = SourceFileFinder.Find([corpus]);
        if (missing.Count > 0 || files.Count == 0)
        {
            ServiceLog.EmptyCorpus(logger, corpus);
            return null;
        }
        var job = store.Create(JobStore.NewId(), JobKind.Corpus,
            files.Select(f => new JobFile(Path.GetRelativePath(corpus, f.Path), f.Path, JobFileState.Queued)).ToList());
        ServiceLog.SeedingCorpus(logger, files.Count, corpus, job.Id);
        return job.Id;
    }

    private async Task RunAsync(string jobId, CancellationToken stoppingToken)
    {
        try
        {
            await runner.RunAsync(jobId, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the job stays unfinished on disk and the next start resumes it.
            throw;
        }
        catch (Exception ex) when (DiskFull.Is(ex))
        {
            var seconds = options.Value.DiskFullRetrySeconds;
            ServiceLog.WaitingForDisk(logger, ex, jobId, seconds);
            store.Hold(jobId, $"waiting: {DiskFull.Reason}; the job is tried again every {seconds} s until there is space");
            _ = RetryAsync(jobId, TimeSpan.FromSeconds(seconds), stoppingToken);
        }
        catch (Exception ex)
        {
            ServiceLog.JobFailed(logger, ex, jobId);
            try
            {
                runner.Fail(jobId, ex.Message);
            }
            catch (Exception failed) when (DiskFull.Is(failed))
            {
                store.Hold(jobId, $"waiting: {DiskFull.Reason}");
                _ = RetryAsync(jobId, TimeSpan.FromSeconds(options.Value.DiskFullRetrySeconds), stoppingToken);
            }
        }
    }

    /// <summary>Queues the job again after a while; a full queue means try again after another while.</summary>
    private async Task RetryAsync(string jobId, TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            do
            {
                await Task.Delay(delay, stoppingToken);
            }
            while (!queue.TryEnqueue(jobId));
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the job is unfinished on disk and the next start resumes it.
        }
    }
}
