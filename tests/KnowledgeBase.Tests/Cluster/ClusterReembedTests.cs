using KnowledgeBase.Core.Cluster;
using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Core.Embeddings.Onnx;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Support;
using NATS.Client.JetStream;

namespace KnowledgeBase.Tests.Cluster;

/// <summary>`kb cluster reembed`: the cluster changes embedding model through the log, and no replica embeds.</summary>
public sealed class ClusterReembedTests
{
    // Model A is the built-in model as shipped to the tests (int8); model B the same network at full precision, a
    // different model id and different vectors, and the one KB__Embeddings__Precision=fp32 gives the real command.
    private static readonly EmbeddingOptions ModelB = new() { Precision = "fp32" };

    [NatsFact]
    public async Task Reembed_RunningNodeNodeThatWasDownAndNewNode_AllTakeModelBFromTheSnapshot_AndEndIdentical()
    {
        using var folder = new TempFolder();
        using var server = NatsServer.Start();
        await using var cluster = await ClusterTestKit.ConnectAsync(server.Url);
        var log = new IndexLog(cluster);
        var en = await ClusterTestKit.AppendFixtureAsync(log, "strategy_en.txt", ClusterTestKit.WithModel);
        await ClusterTestKit.AppendFixtureAsync(log, "controls_ar-en.txt", ClusterTestKit.WithModel);
        var downPath = folder.Folder("down");
        using (var down = KeywordIndex.OpenForWriting(downPath))
        {
            await ClusterTestKit.ApplyAllAsync(cluster, down, 2);
            Assert.Equal(TestModels.BuiltinId, down.EmbeddingModel);
        }
        using var stop = new CancellationTokenSource();
        using var running = KeywordIndex.OpenForWriting(folder.Folder("running"));
        var runningNode = new LogApplier(cluster, running);
        var followingRunning = runningNode.RunAsync(stop.Token);
        await ClusterTestKit.WaitForCatchUpAsync(cluster, runningNode, 2, TimeSpan.FromMinutes(2));

        var embedderB = new PassageEmbedder(OnnxEmbeddingGenerator.LoadBuiltin(ModelB), ModelB);
        var (exitCode, output, error) = KbProcess.Run(["cluster", "reembed", "--nats", server.Url], new Dictionary<string, string?> { ["KB__Embeddings__Precision"] = "fp32" });
        Assert.True(exitCode == 0, error);
        Assert.Contains($"Re-embedded 2 documents with {embedderB.ModelId} (log sequence 2); search nodes switch to it at log sequence 3.", output, StringComparison.Ordinal);
        // After the rebase: a delete applies on the new model's index; a put still embedded by model A is refused alike.
        await log.AppendAsync(IndexOperation.Delete(en.Record!.Id), "delete-en", CancellationToken.None);
        await ClusterTestKit.AppendFixtureAsync(log, "strategy_ar.txt", ClusterTestKit.WithModel);

        using var restarted = KeywordIndex.OpenForWriting(downPath);
        var restartedNode = new LogApplier(cluster, restarted);
        var followingRestarted = restartedNode.RunAsync(stop.Token);
        using var empty = KeywordIndex.OpenForWriting(folder.Folder("new"));
        var newNode = new LogApplier(cluster, empty);
        var followingNew = newNode.RunAsync(stop.Token);
        foreach (var node in new[] { runningNode, restartedNode, newNode })
        {
            await ClusterTestKit.WaitForCatchUpAsync(cluster, node, 5, TimeSpan.FromMinutes(2));
        }
        await stop.CancelAsync();
        await Task.WhenAll(followingRunning, followingRestarted, followingNew);

        var vector = await embedderB.EmbedQueryAsync("incident reporting to the regulator", CancellationToken.None);
        (string, float[]?)[] queries = [.. ClusterTestKit.LanguageQueries, ("incident reporting to the regulator", vector)];
        foreach (var index in new[] { running, restarted, empty })
        {
            Assert.Equal(embedderB.ModelId, index.EmbeddingModel);
            Assert.Equal(5, index.AppliedLogSequence);
            Assert.Equal(["controls_ar-en.txt"], index.ListDocuments().Select(r => Path.GetFileName(r.Source)));
            Assert.All(index.ListDocuments(), r => Assert.Equal(embedderB.ModelId, r.EmbeddingModel));
            Assert.NotEmpty(index.Search(new SearchRequest("incident reporting to the regulator", 5) { Mode = SearchMode.Dense }, vector).Hits);
        }
        Assert.Null(restartedNode.Fault);
        Assert.Null(newNode.Fault);
        Assert.Equal(ClusterTestKit.Describe(running, queries), ClusterTestKit.Describe(restarted, queries));
        Assert.Equal(ClusterTestKit.Describe(running, queries), ClusterTestKit.Describe(empty, queries));
    }

    [NatsFact]
    public async Task AppendAfter_LogMovedOnSinceTheExpectedSequence_IsRefusedAndTheLogUnchanged()
    {
        using var server = NatsServer.Start();
        await using var cluster = await ClusterTestKit.ConnectAsync(server.Url);
        var log = new IndexLog(cluster);
        await log.AppendAsync(IndexOperation.SetModel("a"), "one", CancellationToken.None);
        await log.AppendAsync(IndexOperation.Delete("x"), "two", CancellationToken.None);

        // What kb cluster reembed does when a worker published while it re-embedded the index of sequence 1.
        await Assert.ThrowsAsync<NatsJSApiException>(() =>
            log.AppendAfterAsync(IndexOperation.Rebase("rebase-1", 1, "b"), "rebase-1", 1, CancellationToken.None));
        Assert.Equal(2, await cluster.LastLogSequenceAsync(CancellationToken.None));
        Assert.Equal(3, await log.AppendAfterAsync(IndexOperation.Rebase("rebase-2", 2, "b"), "rebase-2", 2, CancellationToken.None));
    }

    [NatsFact]
    public async Task RebaseEntryNamingAMissingSnapshot_NodeStopsFollowing_AndNamesTheSnapshot()
    {
        using var folder = new TempFolder();
        using var server = NatsServer.Start();
        await using var cluster = await ClusterTestKit.ConnectAsync(server.Url);
        var log = new IndexLog(cluster);
        await ClusterTestKit.AppendFixtureAsync(log, "strategy_en.txt");
        await log.AppendAsync(IndexOperation.Rebase("rebase-gone", 1, "b"), "rebase", CancellationToken.None);

        using var index = KeywordIndex.OpenForWriting(folder.Folder("node"));
        var node = await ClusterTestKit.RunUntilFaultAsync(cluster, index);

        Assert.Equal("the rebase entry 2 names the snapshot rebase-gone, which the object store kb-snapshots no longer holds", node.Fault);
        Assert.Equal(1, index.AppliedLogSequence);
        Assert.Single(index.ListDocuments());
    }
}
