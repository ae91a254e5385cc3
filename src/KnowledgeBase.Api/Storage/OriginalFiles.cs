using System.Security.Cryptography;
using KnowledgeBase.Api.Configuration;

namespace KnowledgeBase.Api.Storage;

/// <summary>
/// A copy of every ingested original, named by the SHA-256 of its bytes (the index's content hash), so a document
/// can always be served whatever happened to the file it came from. Identical files are kept once.
/// </summary>
internal sealed class OriginalFiles(DataFolders folders)
{
    public string PathOf(string contentHash) => Path.Combine(folders.Files, contentHash);

    public bool Has(string contentHash) => File.Exists(PathOf(contentHash));

    /// <summary>Copies the file in unless its content is already kept; returns its content hash.</summary>
    public string Keep(string path)
    {
        string hash;
        using (var source = File.OpenRead(path))
        {
            hash = Convert.ToHexStringLower(SHA256.HashData(source));
        }
        var target = PathOf(hash);
        if (File.Exists(target))
        {
            return hash;
        }
        Directory.CreateDirectory(folders.Files);
        // Copy beside the target, then rename: a reader never sees half a file, a crash leaves only a temp file.
        var temporary = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.Copy(path, temporary);
        try
        {
            File.Move(temporary, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            File.Delete(temporary);
        }
        return hash;
    }

    /// <summary>Removes a kept original once no document refers to its content any more.</summary>
    public void Forget(string contentHash)
    {
        var path = PathOf(contentHash);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
