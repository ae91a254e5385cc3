namespace KnowledgeBase.Api.Configuration;

/// <summary>The "KnowledgeBase" section: where the service keeps its data and how much it accepts.</summary>
internal sealed class ServiceOptions
{
    public const string Section = "KnowledgeBase";

    /// <summary>Folder for jobs, uploads and kept originals; relative paths start at the content root.</summary>
    public string DataPath { get; set; } = ".kb/data";

    /// <summary>Lucene index folder; empty means "index" inside <see cref="DataPath"/>.</summary>
    public string IndexPath { get; set; } = "";

    /// <summary>Folder ingested as a job when the service starts on an empty index; empty turns this off.</summary>
    public string CorpusPath { get; set; } = "corpus";

    /// <summary>Largest accepted uploaded file, in bytes; a larger one answers 413.</summary>
    public long MaxUploadBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Jobs that may wait for the ingestion worker; a full queue answers 503.</summary>
    public int QueueCapacity { get; set; } = 64;

    /// <summary>
    /// Threads ingestion may keep busy (parsing, embedding); 0 means all cores but one, so searches always keep a core
    /// while documents stream in.
    /// </summary>
    public int IngestionThreads { get; set; }

    /// <summary>Seconds a job that found the disk full waits before it is tried again.</summary>
    public int DiskFullRetrySeconds { get; set; } = 30;

    /// <summary>Accept and persist jobs but do not run them until a start without this flag (maintenance).</summary>
    public bool PauseIngestion { get; set; }
}
