using System.Diagnostics;
using KnowledgeBase.Core.Cluster;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Cluster;

/// <summary>A search node as a real process (`kb cluster replica`), killed with SIGKILL and started again.</summary>
public sealed class ReplicaProcessTests
{
    [NatsFact]
    public async Task ReplicaProcessKilled_RestartsFromItsStoredSequence_AndEndsIdenticalToAnotherNode()
    {
        using var folder = new TempFolder();
        using var server = NatsServer.Start();
        await using var cluster = await ClusterTestKit.ConnectAsync(server.Url);
        var log = new IndexLog(cluster);
        var en = await ClusterTestKit.AppendFixtureAsync(log, "strategy_en.txt");
        await ClusterTestKit.AppendFixtureAsync(log, "strategy_ar.txt");
        var path = folder.Folder("replica");

        using (var doomed = StartReplica(server.Url, path))
        {
            await WaitForAppliedAsync(path, 2);
            // SIGKILL: no shutdown, no disposal; Lucene's write lock and the open files die with the process.
            doomed.Kill();
            await doomed.WaitForExitAsync();
        }
        long stored;
        using (var afterKill = KeywordIndex.OpenForReading(path))
        {
            stored = afterKill.AppliedLogSequence;
        }
        Assert.Equal(2, stored);
        // While it is down: one more document, and the first one deleted.
        await ClusterTestKit.AppendFixtureAsync(log, "controls_ar-en.txt");
        await log.AppendAsync(IndexOperation.Delete(en.Record!.Id), "delete-en", CancellationToken.None);

        // Restarted with --until: it exits by itself once it has applied the last entry.
        var (exitCode, output, error) = KbProcess.Run("cluster", "replica", "--nats", server.Url, "--index", path, "--until", "4");
        Assert.True(exitCode == 0, error);
        Assert.Equal([$"following the index log from sequence {stored + 1} into {path}", "applied the index log up to sequence 4"],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        using var reference = KeywordIndex.OpenForWriting(folder.Folder("reference"));
        await ClusterTestKit.ApplyAllAsync(cluster, reference, 4);
        using var replica = KeywordIndex.OpenForReading(path);
        Assert.Equal(4, replica.AppliedLogSequence);
        Assert.Null(replica.GetDocument(en.Record.Id));
        Assert.Equal(ClusterTestKit.Describe(reference, ClusterTestKit.LanguageQueries), ClusterTestKit.Describe(replica, ClusterTestKit.LanguageQueries));
    }

    private static Process StartReplica(string nats, string path) => KbProcess.Start("cluster", "replica", "--nats", nats, "--index", path);

    // Reads the replica's last commit as `kb search --index` would, while the process holds the writer.
    private static Task WaitForAppliedAsync(string path, long sequence) => ClusterTestKit.WaitUntilAsync(() =>
    {
        using var index = KeywordIndex.OpenForReading(path);
        return Task.FromResult(index.AppliedLogSequence >= sequence);
    }, TimeSpan.FromMinutes(2), $"the replica process applied entry {sequence}");
}
