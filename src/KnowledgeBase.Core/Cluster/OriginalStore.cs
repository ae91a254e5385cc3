using System.Security.Cryptography;
using NATS.Client.ObjectStore;

namespace KnowledgeBase.Core.Cluster;

/// <summary>
/// Originals in the object store <c>kb-originals</c>, named by the SHA-256 of their bytes (the index's content hash),
/// so a worker reads the file it ingests and any search node serves a document's original by its record alone.
/// Identical files are stored once.
/// </summary>
public sealed class OriginalStore(ClusterConnection cluster)
{
    /// <summary>Stores the file unless its content is already stored; returns its content hash.</summary>
    public async Task<string> SaveAsync(string path, CancellationToken cancellationToken)
    {
        string hash;
        await using (var file = File.OpenRead(path))
        {
            hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
        }
        if (!await HasAsync(hash, cancellationToken))
        {
            await using var file = File.OpenRead(path);
            await cluster.Originals.PutAsync(hash, file, cancellationToken: cancellationToken);
        }
        return hash;
    }

    /// <summary>Copies the original with this content hash into <paramref name="target"/>; false when it is not stored.</summary>
    public async Task<bool> TryCopyToAsync(string contentHash, Stream target, CancellationToken cancellationToken)
    {
        if (!await HasAsync(contentHash, cancellationToken))
        {
            return false;
        }
        await cluster.Originals.GetAsync(contentHash, target, cancellationToken: cancellationToken);
        return true;
    }

    private async Task<bool> HasAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await cluster.Originals.GetInfoAsync(name, cancellationToken: cancellationToken);
            return true;
        }
        catch (NatsObjNotFoundException)
        {
            return false;
        }
    }
}
