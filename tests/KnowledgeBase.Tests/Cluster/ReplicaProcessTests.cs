using System.Diagnostics;
using KnowledgeBase.Core.Cluster;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Cluster;

/// <summary>A search node as a real process (`kb cluster replica`), killed with SIGKILL and started again.</summary>
public sealed class ReplicaProcessTests
{
    private static readonly (string Query, float[]? Vector)[] Queries = [("national strategy", null), ("incident", null), ("controls", null)];

    [NatsFact]
    public async Task ReplicaProcessKilled_RestartsFromItsStoredSequence_AndEndsIdenticalToAnotherNode()
    {
        using var folder = new TempFolder();
        using var server = NatsServer.Start();
        await using var cluster = await ClusterTestKit.ConnectAsync(server.Url);
        var log = new IndexLog(cluster);
        var en = await LogReplicationTests.PutAsync(TestPaths.Fixture(Path.Combine("Languages", "strategy_en.txt")));
        await log.AppendAsync(en, "put-en", CancellationToken.None);
        await log.AppendAsync(await LogReplicationTests.PutAsync(TestPaths.Fixture(Path.Combine("Languages", "strategy_ar.txt"))), "put-ar", CancellationToken.None);
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
        await log.AppendAsync(await LogReplicationTests.PutAsync(TestPaths.Fixture(Path.Combine("Languages", "controls_ar-en.txt"))), "put-controls", CancellationToken.None);
        await log.AppendAsync(IndexOperation.Delete(en.Record!.Id), "delete-en", CancellationToken.None);

        using (var restarted = StartReplica(server.Url, path))
        {
            Assert.Equal($"following the index log from sequence {stored + 1} into {path}", await restarted.StandardOutput.ReadLineAsync());
            await WaitForAppliedAsync(path, 4);
            restarted.Kill();
            await restarted.WaitForExitAsync();
        }

        using var reference = KeywordIndex.OpenForWriting(folder.Folder("reference"));
        var node = new LogApplier(cluster, reference);
        using var stop = new CancellationTokenSource();
        var following = node.RunAsync(stop.Token);
        await ClusterTestKit.WaitForCatchUpAsync(cluster, node, 4, TimeSpan.FromMinutes(1));
        await stop.CancelAsync();
        await following;
        using var replica = KeywordIndex.OpenForReading(path);
        Assert.Equal(4, replica.AppliedLogSequence);
        Assert.Null(replica.GetDocument(en.Record.Id));
        Assert.Equal(ClusterTestKit.Describe(reference, Queries), ClusterTestKit.Describe(replica, Queries));
    }

    private static Process StartReplica(string nats, string path) => KbProcess.Start("cluster", "replica", "--nats", nats, "--index", path);

    // Reads the replica's last commit as `kb search --index` would, while the process holds the writer.
    private static Task WaitForAppliedAsync(string path, long sequence) => ClusterTestKit.WaitUntilAsync(() =>
    {
        using var index = KeywordIndex.OpenForReading(path);
        return Task.FromResult(index.AppliedLogSequence >= sequence);
    }, TimeSpan.FromMinutes(2), $"the replica process applied entry {sequence}");
}
