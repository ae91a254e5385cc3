using KnowledgeBase.Api.Telemetry;
using KnowledgeBase.Api.Configuration;
using KnowledgeBase.Api.Http;

namespace KnowledgeBase.Api.Jobs;

/// <summary>Persists a new job, then queues it; a full queue forgets the job and its uploads and answers 503.</summary>
internal sealed class JobSubmitter(JobStore store, JobQueue queue, DataFolders folders, ILogger<JobSubmitter> logger)
{
    public IngestionJob Submit(string id, JobKind kind, IReadOnlyList<JobFile> files)
    {
        IngestionJob job;
        try
        {
            job = store.Create(id, kind, files);
        }
        catch (IOException)
        {
            // The job could not be stored (a full disk answers 507): its uploaded files would be nobody's.
            UploadFolders.Delete(folders, id);
            throw;
        }
        if (!queue.TryEnqueue(job.Id))
        {
            store.Remove(job.Id);
            UploadFolders.Delete(folders, job.Id);
            throw ApiProblemException.Unavailable("the ingestion queue is full; try again when running jobs have finished");
        }
        ServiceLog.Queued(logger, id, kind, files.Count);
        return job;
    }
}
