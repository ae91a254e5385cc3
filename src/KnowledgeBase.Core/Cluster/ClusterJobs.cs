using System.Text.Json;
using KnowledgeBase.Core.Indexing;
using NATS.Client.KeyValueStore;

namespace KnowledgeBase.Core.Cluster;

/// <summary>
/// Ingestion jobs in a JetStream key/value bucket, one key per file, so the node that accepted an upload, the
/// worker that ingests each file and any node asked about the job all see one state without a shared disk.
/// </summary>
public sealed class ClusterJobs(ClusterConnection cluster)
{
    public async Task SetAsync(string jobId, int fileIndex, ClusterJobFile file, CancellationToken cancellationToken) =>
        await cluster.Jobs.PutAsync($"{jobId}.{fileIndex}", JsonSerializer.SerializeToUtf8Bytes(file, KeywordIndex.Json), cancellationToken: cancellationToken);

    /// <summary>Records a file's first state, unless a worker has already recorded a later one.</summary>
    public async Task CreateAsync(string jobId, int fileIndex, ClusterJobFile file, CancellationToken cancellationToken) =>
        await cluster.Jobs.TryCreateAsync($"{jobId}.{fileIndex}", JsonSerializer.SerializeToUtf8Bytes(file, KeywordIndex.Json), cancellationToken: cancellationToken);

    /// <summary>The job's files in order; empty when no node knows the job.</summary>
    public async Task<IReadOnlyList<ClusterJobFile>> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        if (!IsValidId(jobId))
        {
            return [];
        }
        var files = new SortedDictionary<int, ClusterJobFile>();
        try
        {
            await foreach (var key in cluster.Jobs.GetKeysAsync([$"{jobId}.*"], cancellationToken: cancellationToken))
            {
                var entry = await cluster.Jobs.TryGetEntryAsync<byte[]>(key, cancellationToken: cancellationToken);
                if (entry.Success && entry.Value.Value is { } value && int.TryParse(key.AsSpan(jobId.Length + 1), out var index))
                {
                    files[index] = JsonSerializer.Deserialize<ClusterJobFile>(value, KeywordIndex.Json)!;
                }
            }
        }
        catch (NatsKVException)
        {
            return [];
        }
        return [.. files.Values];
    }

    // Keys are dot-separated tokens: an id with a dot or a wildcard would read other jobs' keys.
    private static bool IsValidId(string jobId) => jobId.Length is > 0 and <= 64 && jobId.All(char.IsAsciiLetterOrDigit);
}
