using System.Security.Cryptography;
using KnowledgeBase.Api.Configuration;
using KnowledgeBase.Core.Cluster;

namespace KnowledgeBase.Api.Storage;

/// <summary>
/// A copy of every ingested original, named by the SHA-256 of its bytes (the index's content hash), so a document
/// can always be served whatever happened to the file it came from. Identical files are kept once. In cluster mode
/// this node did not ingest most documents itself: their originals come from the cluster's object store on first
/// request and are kept here after.
/// </summary>
internal sealed class OriginalFiles(DataFolders folders, OriginalStore? cluster = null)
{
    public string PathOf(string contentHash) => Path.Combine(folders.Files, contentHash);

    public bool Has(string contentHash) => File.Exists(PathOf(contentHash));

    /// <summary>Whether the original can be served: kept here, or (cluster mode) in the cluster's object store.</summary>
    public bool CanServe(string contentHash) => Has(contentHash) || cluster is not null;

    /// <summary>Makes the original available at <see cref="PathOf"/>, from the cluster when not kept here; false when neither has it.</summary>
    public async Task<bool> FetchAsync(string contentHash, CancellationToken cancellationToken)
    {
        if (Has(contentHash) || cluster is null)
        {
            return Has(contentHash);
        }
        Directory.CreateDirectory(folders.Files);
        var temporary = PathOf(contentHash) + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await using (var file = File.Create(temporary))
            {
                if (!await cluster.TryCopyToAsync(contentHash, file, cancellationToken))
                {
                    return false;
                }
            }
            MoveInPlace(temporary, PathOf(contentHash));
            return true;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

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
        MoveInPlace(temporary, target);
        return hash;
    }

    // A reader never sees half a file; of two copies of the same content arriving at once, the first stays.
    private static void MoveInPlace(string temporary, string target)
    {
        try
        {
            File.Move(temporary, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            File.Delete(temporary);
        }
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
