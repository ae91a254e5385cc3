using KnowledgeBase.Api.Jobs;

namespace KnowledgeBase.Api.Telemetry;

/// <summary>The service's log messages, source-generated: structured, named, and free when the level is off.</summary>
internal static partial class ServiceLog
{
    [LoggerMessage(LogLevel.Information, "Job {JobId} ({JobKind}) queued with {FileCount} files")]
    public static partial void Queued(ILogger logger, string jobId, JobKind jobKind, int fileCount);

    [LoggerMessage(LogLevel.Information, "Job {JobId} ({JobKind}) started: {FileCount} files to do")]
    public static partial void Started(ILogger logger, string jobId, JobKind jobKind, int fileCount);

    [LoggerMessage(LogLevel.Information, "Job {JobId}: {FileName} {FileState} as {DocumentId}")]
    public static partial void FileDone(ILogger logger, string jobId, string fileName, JobFileState fileState, string? documentId);

    [LoggerMessage(LogLevel.Warning, "Job {JobId}: {FileName} failed: {Reason}")]
    public static partial void FileFailed(ILogger logger, string jobId, string fileName, string? reason);

    [LoggerMessage(LogLevel.Information, "Job {JobId} {JobState} in {Seconds:F1} s: {Succeeded} succeeded, {Duplicates} duplicates, {Failed} failed")]
    public static partial void Finished(ILogger logger, string jobId, JobState jobState, double seconds, int succeeded, int duplicates, int failed);

    [LoggerMessage(LogLevel.Error, "Job {JobId} failed")]
    public static partial void JobFailed(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(LogLevel.Information, "Resuming {JobCount} unfinished jobs")]
    public static partial void Resuming(ILogger logger, int jobCount);

    [LoggerMessage(LogLevel.Warning, "Ingestion is paused (KnowledgeBase:PauseIngestion): {JobCount} jobs wait")]
    public static partial void Paused(ILogger logger, int jobCount);

    [LoggerMessage(LogLevel.Information, "Empty index: ingesting {FileCount} files of {CorpusPath} as job {JobId}")]
    public static partial void SeedingCorpus(ILogger logger, int fileCount, string corpusPath, string jobId);

    [LoggerMessage(LogLevel.Warning, "Corpus folder {CorpusPath} has no files to ingest")]
    public static partial void EmptyCorpus(ILogger logger, string corpusPath);

    [LoggerMessage(LogLevel.Warning, "Original {Path} could not be kept")]
    public static partial void OriginalNotKept(ILogger logger, Exception exception, string path);

    [LoggerMessage(LogLevel.Warning, "Job file {JobFile} cannot be read and is ignored")]
    public static partial void UnreadableJob(ILogger logger, Exception exception, string jobFile);

    [LoggerMessage(LogLevel.Information, "Deleted document {DocumentId} ({Title})")]
    public static partial void Deleted(ILogger logger, string documentId, string title);

    [LoggerMessage(LogLevel.Error, "Unhandled error on {Method} {Path}")]
    public static partial void Unhandled(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(LogLevel.Error, "Job {JobId} waits for disk space; it is tried again in {Seconds} s")]
    public static partial void WaitingForDisk(ILogger logger, Exception exception, string jobId, int seconds);

    [LoggerMessage(LogLevel.Warning, "Removed {Count} upload folder(s) left by uploads that never became a job")]
    public static partial void OrphanedUploads(ILogger logger, int count);
}
