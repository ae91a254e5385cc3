using KnowledgeBase.Api.Telemetry;
using System.Text.Json;
using System.Text.Json.Serialization;
using KnowledgeBase.Api.Configuration;
using KnowledgeBase.Api.Storage;

namespace KnowledgeBase.Api.Jobs;

/// <summary>
/// All jobs, in memory and as one JSON file each under data/jobs, written whole by <see cref="StateFileWriter"/>.
/// A change is kept in memory only once it is on disk, so the two never disagree.
/// </summary>
internal sealed class JobStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private readonly Lock _lock = new();
    private readonly Dictionary<string, IngestionJob> _jobs = new(StringComparer.Ordinal);
    private readonly string _folder;
    private readonly TimeProvider _time;
    private readonly StateFileWriter _writer;

    public JobStore(DataFolders folders, TimeProvider time, StateFileWriter writer, ILogger<JobStore> logger)
    {
        _folder = folders.Jobs;
        _time = time;
        _writer = writer;
        Directory.CreateDirectory(_folder);
        foreach (var path in Directory.EnumerateFiles(_folder, "*.json"))
        {
            try
            {
                if (JsonSerializer.Deserialize<IngestionJob>(File.ReadAllBytes(path), Json) is { } job)
                {
                    _jobs[job.Id] = job;
                }
            }
            catch (Exception ex) when (ex is JsonException or IOException)
            {
                ServiceLog.UnreadableJob(logger, ex, path);
            }
        }
    }

    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Time-ordered, unguessable, safe as a file name.</summary>
    public static string NewId() => Guid.CreateVersion7().ToString("N");

    public IngestionJob Create(string id, JobKind kind, IReadOnlyList<JobFile> files)
    {
        var job = new IngestionJob(id, kind, JobState.Queued, Now, files);
        lock (_lock)
        {
            Save(job);
            _jobs[job.Id] = job;
        }
        return job;
    }

    public IngestionJob? Get(string id)
    {
        lock (_lock)
        {
            return _jobs.GetValueOrDefault(id);
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<IngestionJob> List()
    {
        lock (_lock)
        {
            return _jobs.Values.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id, StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>Jobs not finished, oldest first: what a start resumes.</summary>
    public IReadOnlyList<IngestionJob> Unfinished()
    {
        lock (_lock)
        {
            return _jobs.Values.Where(j => !j.IsFinished).OrderBy(j => j.CreatedAt).ThenBy(j => j.Id, StringComparer.Ordinal).ToList();
        }
    }

    public int CountUnfinished()
    {
        lock (_lock)
        {
            return _jobs.Values.Count(j => !j.IsFinished);
        }
    }

    public IngestionJob Update(string id, Func<IngestionJob, IngestionJob> change)
    {
        lock (_lock)
        {
            var job = change(_jobs[id]);
            Save(job);
            _jobs[id] = job;
            return job;
        }
    }

    /// <summary>
    /// Shows a job as waiting, with the reason, in memory only: its state could not be written (the disk is full),
    /// and the file on disk still says unfinished, so a retry or the next start runs it.
    /// </summary>
    public void Hold(string id, string reason)
    {
        lock (_lock)
        {
            if (_jobs.TryGetValue(id, out var job))
            {
                _jobs[id] = job with { State = JobState.Queued, Message = reason };
            }
        }
    }

    /// <summary>Whether the job is known and unfinished: then its upload folder is still needed.</summary>
    public bool IsUnfinished(string id)
    {
        lock (_lock)
        {
            return _jobs.TryGetValue(id, out var job) && !job.IsFinished;
        }
    }

    /// <summary>Forgets a job that was never accepted (the queue was full).</summary>
    public void Remove(string id)
    {
        lock (_lock)
        {
            _jobs.Remove(id);
            File.Delete(PathOf(id));
        }
    }

    private void Save(IngestionJob job) => _writer.Write(PathOf(job.Id), JsonSerializer.SerializeToUtf8Bytes(job, Json));

    private string PathOf(string id) => Path.Combine(_folder, id + ".json");
}
