using KnowledgeBase.Core.Cluster;
using KnowledgeBase.Core.Ingestion.Pipeline;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Cluster;

/// <summary>A worker meeting a fault of the cluster, not of its file, while it holds the file.</summary>
public sealed class WorkerClusterFaultTests
{
    [NatsFact]
    public async Task LogUnavailableWhilePublishing_WorkerRetriesTheFileItHolds()
    {
        using var folder = new TempFolder();
        using var server = NatsServer.Start();
        await using var cluster = await ClusterTestKit.ConnectAsync(server.Url);
        // The log answers nobody, as while its stream has no leader after a server was lost.
        await cluster.JetStream.DeleteStreamAsync(ClusterConnection.LogStream);
        var logger = new RecordingLogger<ClusterWorker>();
        var worker = ClusterTestKit.Worker(cluster, ClusterTestKit.KeywordsOnly, logger);
        var deliveries = 0;
        worker.Progress += (_, outcome) =>
        {
            if (outcome is null)
            {
                Interlocked.Increment(ref deliveries);
            }
        };
        using var stop = new CancellationTokenSource();
        var working = worker.RunAsync(folder.Folder("worker"), stop.Token);
        var file = SourceFile.FromDisk(TestPaths.Fixture(Path.Combine("Languages", "strategy_en.txt")));
        await new WorkSubmitter(cluster).SubmitAsync(file.Path, file.Source, null, 0, CancellationToken.None);

        await ClusterTestKit.WaitUntilAsync(() => Task.FromResult(logger.Warnings > 0), TimeSpan.FromMinutes(2), "the worker failed to publish");
        // Connecting creates the log's stream again: the log is back.
        await (await ClusterTestKit.ConnectAsync(server.Url)).DisposeAsync();
        await ClusterTestKit.WaitUntilAsync(async () => await cluster.LastLogSequenceAsync(CancellationToken.None) >= 1,
            TimeSpan.FromMinutes(2), "the file reached the log");
        await stop.CancelAsync();
        await working;

        // Retried by the worker holding it, not left to come back after the ack wait (one minute) as a second delivery.
        Assert.Equal(1, deliveries);
        Assert.Contains(logger.Entries, e => e.Message.Contains("failed on the cluster (attempt 1)", StringComparison.Ordinal));
    }
}
