using KnowledgeBase.Core.Cluster;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Cluster;

/// <summary>A compacted index log: nodes that need entries it no longer holds start from a snapshot plus its sequence.</summary>
public sealed class SnapshotBootstrapTests
{
    [NatsFact]
    public async Task LogCompactedByKbClusterCompact_EmptyNodeStartsFromTheSnapshot_AndEndsIdenticalToTheOthers()
    {
        using var folder = new TempFolder();
        using var server = NatsServer.Start();
        await using var cluster = await ClusterTestKit.ConnectAsync(server.Url);
        var log = new IndexLog(cluster);
        var en = await ClusterTestKit.AppendFixtureAsync(log, "strategy_en.txt");
        await ClusterTestKit.AppendFixtureAsync(log, "strategy_ar.txt");
        using var stop = new CancellationTokenSource();
        using var indexA = KeywordIndex.OpenForWriting(folder.Folder("a"));
        var nodeA = new LogApplier(cluster, indexA);
        var followingA = nodeA.RunAsync(stop.Token);

        // The real command, with no node's index: it builds one from the log in a temporary folder.
        var (exitCode, output, error) = KbProcess.Run("cluster", "compact", "--nats", server.Url);
        Assert.True(exitCode == 0, error);
        Assert.Contains("Snapshot at log sequence 2 published; the log now starts at 3.", output, StringComparison.Ordinal);
        Assert.Equal(3, await cluster.FirstLogSequenceAsync(CancellationToken.None));
        // After the compaction: a new document, and one of the snapshot's documents deleted.
        await ClusterTestKit.AppendFixtureAsync(log, "controls_ar-en.txt");
        await log.AppendAsync(IndexOperation.Delete(en.Record!.Id), "delete-en", CancellationToken.None);

        using var indexNew = KeywordIndex.OpenForWriting(folder.Folder("new"));
        var nodeNew = new LogApplier(cluster, indexNew);
        var followingNew = nodeNew.RunAsync(stop.Token);
        await ClusterTestKit.WaitForCatchUpAsync(cluster, nodeA, 4, TimeSpan.FromMinutes(2));
        await ClusterTestKit.WaitForCatchUpAsync(cluster, nodeNew, 4, TimeSpan.FromMinutes(2));
        await stop.CancelAsync();
        await Task.WhenAll(followingA, followingNew);

        Assert.Null(nodeNew.Fault);
        // Only the entries after the snapshot were replayed: the first two came in the snapshot.
        Assert.Equal(2, nodeNew.AppliedCount);
        Assert.Equal(4, indexNew.AppliedLogSequence);
        Assert.Equal(2, indexNew.ListDocuments().Count);
        Assert.Null(indexNew.GetDocument(en.Record.Id));
        Assert.Equal(ClusterTestKit.Describe(indexA, ClusterTestKit.LanguageQueries), ClusterTestKit.Describe(indexNew, ClusterTestKit.LanguageQueries));
    }

    [NatsFact]
    public async Task NodeBehindACompactedLog_RestoresTheSnapshotARunningNodePublished_AndAppliesOnlyWhatFollows()
    {
        using var folder = new TempFolder();
        using var server = NatsServer.Start();
        await using var cluster = await ClusterTestKit.ConnectAsync(server.Url);
        var log = new IndexLog(cluster);
        var en = await ClusterTestKit.AppendFixtureAsync(log, "strategy_en.txt");
        var behindPath = folder.Folder("behind");
        using (var behind = KeywordIndex.OpenForWriting(behindPath))
        {
            await ClusterTestKit.ApplyAllAsync(cluster, behind, 1);
        }
        await ClusterTestKit.AppendFixtureAsync(log, "strategy_ar.txt");
        await ClusterTestKit.AppendFixtureAsync(log, "controls_ar-en.txt");

        // A node set to publish a snapshot every third entry (KB__Cluster__SnapshotEvery=3).
        await using var publisherConnection = await ClusterTestKit.ConnectAsync(server.Url, snapshotEvery: 3);
        using var stop = new CancellationTokenSource();
        using var publisherIndex = KeywordIndex.OpenForWriting(folder.Folder("publisher"));
        var publisher = new LogApplier(publisherConnection, publisherIndex);
        var publishing = publisher.RunAsync(stop.Token);
        var snapshots = new IndexSnapshots(cluster);
        await ClusterTestKit.WaitUntilAsync(async () => (await snapshots.NewestAsync(CancellationToken.None))?.Sequence == 3,
            TimeSpan.FromMinutes(2), "a snapshot at sequence 3 was published");
        // The log loses the entries the snapshot holds, as a max-age or max-msgs limit removes them.
        await ClusterTestKit.PurgeLogBeforeAsync(cluster, 4);
        await log.AppendAsync(IndexOperation.Delete(en.Record!.Id), "delete-en", CancellationToken.None);

        using var restarted = KeywordIndex.OpenForWriting(behindPath);
        Assert.Equal(1, restarted.AppliedLogSequence);
        var again = new LogApplier(cluster, restarted);
        var following = again.RunAsync(stop.Token);
        await ClusterTestKit.WaitForCatchUpAsync(cluster, publisher, 4, TimeSpan.FromMinutes(2));
        await ClusterTestKit.WaitForCatchUpAsync(cluster, again, 4, TimeSpan.FromMinutes(2));
        await stop.CancelAsync();
        await Task.WhenAll(publishing, following);

        Assert.Null(again.Fault);
        Assert.Equal(1, again.AppliedCount);
        Assert.Equal(["controls_ar-en.txt", "strategy_ar.txt"], restarted.ListDocuments().Select(r => Path.GetFileName(r.Source)).Order(StringComparer.Ordinal));
        Assert.Equal(ClusterTestKit.Describe(publisherIndex, ClusterTestKit.LanguageQueries), ClusterTestKit.Describe(restarted, ClusterTestKit.LanguageQueries));
    }

    [NatsFact]
    public async Task EntriesRemovedFromTheLogWithoutASnapshot_NodeStopsFollowing_AndSaysWhichEntriesItLacks()
    {
        using var folder = new TempFolder();
        using var server = NatsServer.Start();
        await using var cluster = await ClusterTestKit.ConnectAsync(server.Url);
        var log = new IndexLog(cluster);
        await ClusterTestKit.AppendFixtureAsync(log, "strategy_en.txt");
        await ClusterTestKit.AppendFixtureAsync(log, "strategy_ar.txt");
        await ClusterTestKit.PurgeLogBeforeAsync(cluster, 2);

        using var index = KeywordIndex.OpenForWriting(folder.Folder("node"));
        var node = await ClusterTestKit.RunUntilFaultAsync(cluster, index);

        Assert.Equal("the index log has no entries 1..1 any more and no snapshot holds them", node.Fault);
        Assert.Equal(0, index.AppliedLogSequence);
    }
}
