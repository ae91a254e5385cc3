using KnowledgeBase.Api.Configuration;

namespace KnowledgeBase.Api.Jobs;

/// <summary>Uploads live in data/uploads/{jobId}/{n}/{safe name} until their job ends.</summary>
internal static class UploadFolders
{
    private const int MaxNameLength = 120;

    public static string JobFolder(DataFolders folders, string jobId) => Path.Combine(folders.Uploads, jobId);

    public static void Delete(DataFolders folders, string jobId)
    {
        var folder = JobFolder(folders, jobId);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Removes upload folders no unfinished job needs: an upload cut off by a crash before its job was stored
    /// leaves one, and nothing else would ever remove it. Runs at start, before any request is taken.
    /// </summary>
    public static IReadOnlyList<string> DeleteOrphans(DataFolders folders, JobStore store)
    {
        if (!Directory.Exists(folders.Uploads))
        {
            return [];
        }
        var orphans = Directory.EnumerateDirectories(folders.Uploads)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(jobId => !store.IsUnfinished(jobId))
            .ToList();
        foreach (var jobId in orphans)
        {
            Delete(folders, jobId);
        }
        return orphans;
    }

    /// <summary>
    /// The client's file name reduced to a harmless leaf: no folders, no leading dot, only letters, digits and
    /// ". - _ ( )". It is kept (inside a generated folder) because metadata rules read years and identifiers from it.
    /// </summary>
    public static string SafeName(string clientName)
    {
        var leaf = clientName.Replace('\\', '/');
        leaf = leaf[(leaf.LastIndexOf('/') + 1)..];
        var name = new string(leaf.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '(' or ')' ? c : '_').ToArray())
            .TrimStart('.', '_');
        if (name.Length > MaxNameLength)
        {
            var extension = Path.GetExtension(name);
            extension = extension.Length > 10 ? "" : extension;
            name = name[..(MaxNameLength - extension.Length)] + extension;
        }
        return name.Length == 0 ? "upload" : name;
    }
}
