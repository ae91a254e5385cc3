using System.Formats.Tar;
using System.Globalization;
using KnowledgeBase.Core.Indexing;
using NATS.Client.ObjectStore;
using NATS.Client.ObjectStore.Models;

namespace KnowledgeBase.Core.Cluster;

/// <summary>
/// Copies of a search node's whole index in the object store <c>kb-snapshots</c>, each with the index-log sequence it
/// holds, so a node can start from a snapshot plus that sequence when the log no longer reaches back to its start.
/// Each snapshot has its own name (by sequence), so two nodes publishing at once never replace a newer one with an
/// older one; the newest two are kept.
/// </summary>
public sealed class IndexSnapshots(ClusterConnection cluster)
{
    private const string Prefix = "index-";

    // A rebase's snapshot has a name of its own and is never removed with the older "index-" snapshots: every node
    // that has not yet applied the rebase entry (one that was down) still needs exactly this copy.
    private const string RebasePrefix = "rebase-";
    private const string SequenceKey = "sequence";
    private const int Kept = 2;

    /// <summary>A snapshot in the store: its object name and the log sequence its index has applied.</summary>
    public sealed record Snapshot(string Name, long Sequence);

    /// <summary>Publishes a copy of the index's last commit; its sequence, or null when the index has no commit yet.</summary>
    public async Task<long?> PublishAsync(KeywordIndex index, CancellationToken cancellationToken)
    {
        var published = await PublishAsync(index, sequence => Prefix + sequence.ToString("D19", CultureInfo.InvariantCulture), cancellationToken);
        if (published is not null)
        {
            await RemoveOlderAsync(cancellationToken);
        }
        return published?.Sequence;
    }

    /// <summary>
    /// Publishes a copy of the index's last commit for a rebase entry, under a name no other snapshot has; null when
    /// the index has no commit yet.
    /// </summary>
    public Task<Snapshot?> PublishForRebaseAsync(KeywordIndex index, CancellationToken cancellationToken) =>
        PublishAsync(index, sequence => $"{RebasePrefix}{sequence.ToString("D19", CultureInfo.InvariantCulture)}-{Guid.NewGuid():n}", cancellationToken);

    /// <summary>Removes a snapshot that no log entry will name (a rebase that the log refused).</summary>
    public async Task DeleteAsync(Snapshot snapshot, CancellationToken cancellationToken) =>
        await cluster.Snapshots.DeleteAsync(snapshot.Name, cancellationToken);

    private async Task<Snapshot?> PublishAsync(KeywordIndex index, Func<long, string> name, CancellationToken cancellationToken)
    {
        var scratch = ScratchFolder(index.Path);
        try
        {
            var files = Path.Combine(scratch, "files");
            if (index.CopyLastCommit(files) is not { } sequence)
            {
                return null;
            }
            var archive = Path.Combine(scratch, "index.tar");
            await TarFile.CreateFromDirectoryAsync(files, archive, includeBaseDirectory: false, cancellationToken);
            var meta = new ObjectMetadata
            {
                Name = name(sequence),
                Description = $"index at log sequence {sequence}",
                Metadata = new Dictionary<string, string> { [SequenceKey] = sequence.ToString(CultureInfo.InvariantCulture) },
            };
            await using (var stream = File.OpenRead(archive))
            {
                await cluster.Snapshots.PutAsync(meta, stream, cancellationToken: cancellationToken);
            }
            return new Snapshot(meta.Name, sequence);
        }
        finally
        {
            TryDelete(scratch);
        }
    }

    /// <summary>The snapshot with the highest sequence; null when none was published.</summary>
    public async Task<Snapshot?> NewestAsync(CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).MaxBy(s => s.Sequence);

    /// <summary>
    /// Replaces the index with the snapshot; returns the log sequence it now holds: the snapshot's, or
    /// <paramref name="asSequence"/> (a rebase entry's own) when given.
    /// </summary>
    public async Task<long> RestoreAsync(Snapshot snapshot, KeywordIndex index, long? asSequence, CancellationToken cancellationToken)
    {
        var scratch = ScratchFolder(index.Path);
        try
        {
            var archive = Path.Combine(scratch, "index.tar");
            await using (var file = File.Create(archive))
            {
                await cluster.Snapshots.GetAsync(snapshot.Name, file, cancellationToken: cancellationToken);
            }
            var files = Directory.CreateDirectory(Path.Combine(scratch, "files")).FullName;
            await TarFile.ExtractToDirectoryAsync(archive, files, overwriteFiles: false, cancellationToken);
            index.RestoreFrom(files, asSequence);
            return index.AppliedLogSequence;
        }
        finally
        {
            TryDelete(scratch);
        }
    }

    private async Task<List<Snapshot>> ListAsync(CancellationToken cancellationToken)
    {
        var snapshots = new List<Snapshot>();
        // Listing an empty bucket waits for a first entry that never comes (it lists through a watch).
        if ((await cluster.Snapshots.GetStatusAsync(cancellationToken)).Info.State.Messages == 0)
        {
            return snapshots;
        }
        try
        {
            await foreach (var info in cluster.Snapshots.ListAsync(cancellationToken: cancellationToken))
            {
                if (info.Name.StartsWith(Prefix, StringComparison.Ordinal) && info.Metadata?.GetValueOrDefault(SequenceKey) is { } value
                    && long.TryParse(value, CultureInfo.InvariantCulture, out var sequence))
                {
                    snapshots.Add(new Snapshot(info.Name, sequence));
                }
            }
        }
        catch (NatsObjNotFoundException)
        {
            // Removed while listed.
        }
        return snapshots;
    }

    private async Task RemoveOlderAsync(CancellationToken cancellationToken)
    {
        foreach (var old in (await ListAsync(cancellationToken)).OrderByDescending(s => s.Sequence).Skip(Kept))
        {
            try
            {
                await cluster.Snapshots.DeleteAsync(old.Name, cancellationToken);
            }
            catch (NatsObjException)
            {
                // Another node removed it first.
            }
        }
    }

    // Beside the index, on the disk that must hold the index anyway (a temporary folder may be a small tmpfs).
    private static string ScratchFolder(string indexPath) =>
        Directory.CreateDirectory($"{Path.TrimEndingDirectorySeparator(indexPath)}.snapshot-{Guid.NewGuid():n}").FullName;

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A scratch copy left behind is harmless.
        }
    }
}
