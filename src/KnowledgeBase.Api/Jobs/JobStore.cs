using KnowledgeBase.Api.Telemetry;
using System.Text.Json;
using System.Text.Json.Serialization;
using KnowledgeBase.Api.Configuration;

namespace KnowledgeBase.Api.Jobs;

/// <summary>
/// All jobs, in memory and as one JSON file each under data/jobs. Every change is written to a temporary file and
/// renamed over the old one, so a crash leaves either the old or the new state, never half a file.
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

    public JobStore(DataFolders folders, TimeProvider time, ILogger<JobStore> logger)
    {
        _folder = folders.Jobs;
        _time = time;
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

    /// <summary>Forgets a job that was never accepted (the queue was full).</summary>
    public void Remove(string id)
    {
        lock (_lock)
        {
            _jobs.Remove(id);
            File.Delete(PathOf(id));
        }
    }

    private void Save(IngestionJob job)
    {
        var path = PathOf(job.Id);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(job, Json));
        File.Move(temporary, path, overwrite: true);
    }

    private string PathOf(string id) => Path.Combine(_folder, id + ".json");
}
