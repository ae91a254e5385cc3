using Microsoft.Extensions.Options;

namespace KnowledgeBase.Api.Configuration;

/// <summary>
/// The service's folders, resolved once. A relative path is relative to the current directory, where whoever
/// started the service meant it (the content root is the application's own folder, see <see cref="ServiceHost"/>).
/// </summary>
internal sealed class DataFolders
{
    public DataFolders(IOptions<ServiceOptions> options)
    {
        var settings = options.Value;
        string Resolve(string path) => Path.GetFullPath(path);
        Data = Resolve(settings.DataPath);
        Index = string.IsNullOrWhiteSpace(settings.IndexPath) ? Path.Combine(Data, "index") : Resolve(settings.IndexPath);
        Corpus = string.IsNullOrWhiteSpace(settings.CorpusPath) ? null : Resolve(settings.CorpusPath);
        Jobs = Path.Combine(Data, "jobs");
        Uploads = Path.Combine(Data, "uploads");
        Files = Path.Combine(Data, "files");
    }

    public string Data { get; }

    public string Index { get; }

    /// <summary>Ingested when the index is empty at start; null when not configured.</summary>
    public string? Corpus { get; }

    /// <summary>One JSON file per job.</summary>
    public string Jobs { get; }

    /// <summary>Uploaded files waiting for (or being) ingested, one generated folder per job.</summary>
    public string Uploads { get; }

    /// <summary>Every ingested original, named by its SHA-256.</summary>
    public string Files { get; }
}
