using KnowledgeBase.Core.Cluster;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Pipeline;
using KnowledgeBase.Core.Ingestion.Pipeline.Steps;
using KnowledgeBase.Tests.Support;
using NATS.Client.JetStream;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Tests.Cluster;

/// <summary>Search nodes following the index log of a real nats-server: restarts, new nodes, deletes, duplicates.</summary>
public sealed class LogReplicationTests
{
    private static readonly (string Query, float[]? Vector)[] Queries = [("national strategy", null), ("incident", null), ("controls", null)];

    [NatsFact]
    public async Task RestartedNode_ResumesAfterItsStoredSequence_AndANewNodeReplaysToTheSameState()
    {
        using var folder = new TempFolder();
        using var server = NatsServer.Start();
        await using var cluster = await ClusterTestKit.ConnectAsync(server.Url);
        var log = new IndexLog(cluster);
        var en = await PutAsync(TestPaths.Fixture(Path.Combine("Languages", "strategy_en.txt")));
        var ar = await PutAsync(TestPaths.Fixture(Path.Combine("Languages", "strategy_ar.txt")));
        await log.AppendAsync(en, "put-en", CancellationToken.None);
        await log.AppendAsync(ar, "put-ar", CancellationToken.None);

        var path = folder.Folder("node");
        using (var stop = new CancellationTokenSource())
        using (var index = KeywordIndex.OpenForWriting(path))
        {
            var node = new LogApplier(cluster, index);
            var following = node.RunAsync(stop.Token);
            await ClusterTestKit.WaitForCatchUpAsync(cluster, node, 2, TimeSpan.FromMinutes(1));
            await stop.CancelAsync();
            await following;
        }
        // While the node is down: one more document, and the first one deleted.
        await log.AppendAsync(await PutAsync(TestPaths.Fixture(Path.Combine("Languages", "controls_ar-en.txt"))), "put-controls", CancellationToken.None);
        await log.AppendAsync(IndexOperation.Delete(en.Record!.Id), "delete-en", CancellationToken.None);

        using var restarted = KeywordIndex.OpenForWriting(path);
        Assert.Equal(2, restarted.AppliedLogSequence);
        var again = new LogApplier(cluster, restarted);
        using var newIndex = KeywordIndex.OpenForWriting(folder.Folder("new"));
        var fresh = new LogApplier(cluster, newIndex);
        using var stopAll = new CancellationTokenSource();
        var runs = Task.WhenAll(again.RunAsync(stopAll.Token), fresh.RunAsync(stopAll.Token));
        await ClusterTestKit.WaitForCatchUpAsync(cluster, again, 4, TimeSpan.FromMinutes(1));
        await ClusterTestKit.WaitForCatchUpAsync(cluster, fresh, 4, TimeSpan.FromMinutes(1));
        await stopAll.CancelAsync();
        await runs;

        Assert.Equal(2, again.AppliedCount);
        Assert.Equal(4, fresh.AppliedCount);
        Assert.Equal(4, restarted.AppliedLogSequence);
        Assert.DoesNotContain(restarted.ListDocuments(), r => r.Id == en.Record.Id);
        Assert.Equal(2, restarted.ListDocuments().Count);
        Assert.Equal(ClusterTestKit.Describe(restarted, Queries), ClusterTestKit.Describe(newIndex, Queries));
    }

    [NatsFact]
    public async Task DeleteAppendedByOneNode_DisappearsFromAnother()
    {
        using var folder = new TempFolder();
        using var server = NatsServer.Start();
        await using var nodeA = await ClusterTestKit.ConnectAsync(server.Url);
        await using var nodeB = await ClusterTestKit.ConnectAsync(server.Url);
        var put = await PutAsync(TestPaths.Fixture(Path.Combine("Languages", "strategy_en.txt")));
        using var indexB = KeywordIndex.OpenForWriting(folder.Folder("b"));
        var followerB = new LogApplier(nodeB, indexB);
        using var stop = new CancellationTokenSource();
        var following = followerB.RunAsync(stop.Token);

        var putSequence = await new IndexLog(nodeA).AppendAsync(put, "put", CancellationToken.None);
        Assert.True(await followerB.WaitForAsync(putSequence, TimeSpan.FromSeconds(30), CancellationToken.None));
        Assert.NotNull(indexB.GetDocument(put.Record!.Id));
        var deleteSequence = await new IndexLog(nodeA).AppendAsync(IndexOperation.Delete(put.Record.Id), "delete", CancellationToken.None);
        Assert.True(await followerB.WaitForAsync(deleteSequence, TimeSpan.FromSeconds(30), CancellationToken.None));
        await stop.CancelAsync();
        await following;

        Assert.Null(indexB.GetDocument(put.Record.Id));
        Assert.Equal(0, indexB.CountChunks(put.Record.Id));
    }

    [NatsFact]
    public async Task SamePutPublishedTwice_AsAWorkerDoesAfterACrashBeforeItsAck_IsOneLogEntry()
    {
        using var server = NatsServer.Start();
        await using var cluster = await ClusterTestKit.ConnectAsync(server.Url);
        var put = await PutAsync(TestPaths.Fixture(Path.Combine("Languages", "strategy_en.txt")));
        var log = new IndexLog(cluster);

        var first = await log.AppendAsync(put, "work-item-1", CancellationToken.None);
        var second = await log.AppendAsync(put, "work-item-1", CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(1, await cluster.LastLogSequenceAsync(CancellationToken.None));
    }

    [NatsFact]
    public async Task PutLargerThanANatsMessage_TravelsThroughTheObjectStore_WithItsVectors()
    {
        using var folder = new TempFolder();
        using var server = NatsServer.Start();
        await using var cluster = await ClusterTestKit.ConnectAsync(server.Url);
        var put = await PutAsync(TestPaths.SampleCorpus("nist_sp800-61r2_2012.pdf"));
        // A vector on every passage makes the entry far larger than 1 MB, the server's message limit.
        var random = new Random(7);
        put = put with { Chunks = put.Chunks!.Select(c => c with { Embedding = Enumerable.Range(0, 1024).Select(_ => random.NextSingle()).ToArray() }).ToList() };
        put = put with { Record = put.Record! with { EmbeddingModel = "test-model" } };
        var sequence = await new IndexLog(cluster).AppendAsync(put, "large", CancellationToken.None);
        Assert.NotNull(await cluster.LargeEntries.GetInfoAsync("large"));

        using var index = KeywordIndex.OpenForWriting(folder.Folder("node"));
        var node = new LogApplier(cluster, index);
        using var stop = new CancellationTokenSource();
        var following = node.RunAsync(stop.Token);
        Assert.True(await node.WaitForAsync(sequence, TimeSpan.FromSeconds(60), CancellationToken.None));
        await stop.CancelAsync();
        await following;

        Assert.Equal(put.Chunks!.Count, index.CountVectors());
        Assert.Equal("test-model", index.EmbeddingModel);
        var stored = index.FindEmbeddings([KnowledgeBase.Core.Embeddings.EmbeddingText.Hash(put.Record, put.Chunks[0])]);
        Assert.Equal(put.Chunks[0].Embedding, Assert.Single(stored).Value);
    }

    [NatsFact]
    public async Task UnreadableLogEntry_IsSkipped_AndTheNodeGoesOnToTheNext()
    {
        using var folder = new TempFolder();
        using var server = NatsServer.Start();
        await using var cluster = await ClusterTestKit.ConnectAsync(server.Url);
        var garbage = await cluster.JetStream.PublishAsync(ClusterConnection.LogSubject, "not an index operation"u8.ToArray());
        garbage.EnsureSuccess();
        var put = await PutAsync(TestPaths.Fixture(Path.Combine("Languages", "strategy_en.txt")));
        var sequence = await new IndexLog(cluster).AppendAsync(put, "put", CancellationToken.None);

        using var index = KeywordIndex.OpenForWriting(folder.Folder("node"));
        var node = new LogApplier(cluster, index);
        using var stop = new CancellationTokenSource();
        var following = node.RunAsync(stop.Token);
        var applied = await node.WaitForAsync(sequence, TimeSpan.FromSeconds(30), CancellationToken.None);
        await stop.CancelAsync();
        await following;

        Assert.True(applied, "the node got past the unreadable entry");
        Assert.Equal(2, index.AppliedLogSequence);
        Assert.NotNull(index.GetDocument(put.Record!.Id));
    }

    /// <summary>A put entry as a worker makes it: the real pipeline, its record, no index.</summary>
    internal static async Task<IndexOperation> PutAsync(string path, ServiceProvider? services = null)
    {
        using var folder = new TempFolder();
        using var noIndex = KeywordIndex.OpenForReading(folder.Path);
        var capture = new CaptureStep();
        var outcome = await (services ?? ClusterTestKit.KeywordsOnly).GetRequiredService<IngestionRunner>()
            .RunFileAsync(SourceFile.FromDisk(path), noIndex, capture, CancellationToken.None);
        Assert.Equal(IngestionStatus.Indexed, outcome.Status);
        return capture.Operation!;
    }

    private sealed class CaptureStep : IIngestionStep
    {
        public IndexOperation? Operation { get; private set; }

        public string Name => "capture";

        public bool IsExclusive => false;

        public ValueTask ExecuteAsync(IngestionContext context, CancellationToken cancellationToken)
        {
            var record = IndexStep.BuildRecord(context, context.Extracted!, TimeProvider.System);
            Operation = IndexOperation.Put(record, context.Extracted!, context.Chunks);
            context.Outcome = new IngestionOutcome(context.File, IngestionStatus.Indexed, record.Id);
            return ValueTask.CompletedTask;
        }
    }
}
