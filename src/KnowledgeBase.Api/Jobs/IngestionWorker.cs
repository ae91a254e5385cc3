using KnowledgeBase.Api.Telemetry;
using KnowledgeBase.Api.Configuration;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Pipeline;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Api.Jobs;

/// <summary>
/// The one consumer of the job queue. On start it resumes unfinished jobs (their finished files stay done;
/// re-reading a committed file finds it unchanged), then, on an empty index, ingests the corpus folder as a job.
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
        catch (Exception ex)
        {
            ServiceLog.JobFailed(logger, ex, jobId);
            runner.Fail(jobId, ex.Message);
        }
    }
}
