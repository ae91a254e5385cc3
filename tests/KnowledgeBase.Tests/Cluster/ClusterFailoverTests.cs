using KnowledgeBase.Core.Cluster;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Pipeline;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Cluster;

/// <summary>A three-server NATS cluster on loopback (Raft, three copies of everything) losing one server.</summary>
public sealed class ClusterFailoverTests
{
    [NatsFact]
    public async Task OneServerOfThreeKilled_IngestionAndSearchContinue()
    {
        using var folder = new TempFolder();
        var servers = NatsServer.StartCluster(3);
        try
        {
            var urls = NatsServer.Urls(servers);
            await using var submitter = await ClusterTestKit.ConnectAsync(urls, replicas: 3);
            await using var workerConnection = await ClusterTestKit.ConnectAsync(urls, replicas: 3);
            await using var nodeConnection = await ClusterTestKit.ConnectAsync(urls, replicas: 3);
            using var stop = new CancellationTokenSource();
            var working = ClusterTestKit.Worker(workerConnection, ClusterTestKit.KeywordsOnly).RunAsync(folder.Folder("worker"), stop.Token);
            using var index = KeywordIndex.OpenForWriting(folder.Folder("node"));
            var node = new LogApplier(nodeConnection, index);
            var following = node.RunAsync(stop.Token);

            var first = SourceFile.FromDisk(TestPaths.Fixture(Path.Combine("Languages", "strategy_en.txt")));
            await new WorkSubmitter(submitter).SubmitAsync(first.Path, first.Source, null, 0, CancellationToken.None);
            await ClusterTestKit.WaitForCatchUpAsync(nodeConnection, node, 1, TimeSpan.FromMinutes(2));

            servers[0].Kill();

            var second = SourceFile.FromDisk(TestPaths.Fixture("cisa-style-guidance.html"));
            await SubmitWithRetryAsync(submitter, second);
            await ClusterTestKit.WaitForCatchUpAsync(nodeConnection, node, 2, TimeSpan.FromMinutes(2));
            await stop.CancelAsync();
            await Task.WhenAll(working, following);

            Assert.Equal(2, index.ListDocuments().Count);
            var hits = index.Search(new SearchRequest("ransomware response checklist", 5) { Mode = SearchMode.Bm25 }).Hits;
            Assert.Contains(hits, h => h.Source == second.Source);
        }
        finally
        {
            foreach (var server in servers)
            {
                server.Dispose();
            }
        }
    }

    // The client reconnects to a surviving server and the streams elect new leaders; a request made in that moment
    // may time out, as any client of a cluster must expect.
    private static async Task SubmitWithRetryAsync(ClusterConnection cluster, SourceFile file)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await new WorkSubmitter(cluster).SubmitAsync(file.Path, file.Source, null, 0, CancellationToken.None);
                return;
            }
            catch (Exception) when (attempt < 20)
            {
                await Task.Delay(500);
            }
        }
    }
}
