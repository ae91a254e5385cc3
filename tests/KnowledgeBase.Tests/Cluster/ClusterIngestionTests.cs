using KnowledgeBase.Core.Cluster;
using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Pipeline;
using KnowledgeBase.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Tests.Cluster;

/// <summary>Ingestion workers on a real nats-server: what they publish builds the same index as one process does.</summary>
public sealed class ClusterIngestionTests
{
    private static readonly string[] Queries =
    [
        "sharing cyber threat information with partners",
        "incident response policy",
        "risk management framework tiers",
        "national cybersecurity strategy",
    ];

    private static string[] Files() =>
    [
        TestPaths.SampleCorpus("nist_sp800-150_2016.pdf"),
        TestPaths.Fixture("cisa-style-guidance.html"),
        TestPaths.Fixture("itu-style-recommendation.docx"),
        TestPaths.Fixture(Path.Combine("Languages", "strategy_en.txt")),
        TestPaths.Fixture(Path.Combine("Languages", "strategy_ar.txt")),
    ];

    [NatsFact]
    public async Task TwoWorkers_IngestTheSameFilesAsOneProcess_ReplicaIndexIsEqual()
    {
        using var folder = new TempFolder();
        using var server = NatsServer.Start();
        var (files, _) = SourceFileFinder.Find(Files());
        var embedder = ClusterTestKit.WithModel.GetRequiredService<PassageEmbedder>();
        var queries = new List<(string, float[]?)>();
        foreach (var query in Queries)
        {
            queries.Add((query, await embedder.EmbedQueryAsync(query, CancellationToken.None)));
        }

        using var single = KeywordIndex.OpenForWriting(folder.Folder("single"));
        var summary = await ClusterTestKit.WithModel.GetRequiredService<IngestionRunner>().RunAsync(single, files, null, CancellationToken.None);
        Assert.Equal(files.Count, summary.Ingested);

        await using var submitter = await ClusterTestKit.ConnectAsync(server.Url);
        foreach (var file in files)
        {
            await new WorkSubmitter(submitter).SubmitAsync(file.Path, file.Source, null, 0, CancellationToken.None);
        }
        using var stop = new CancellationTokenSource();
        await using var workerA = await ClusterTestKit.ConnectAsync(server.Url);
        await using var workerB = await ClusterTestKit.ConnectAsync(server.Url);
        var takenBy = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        var a = ClusterTestKit.Worker(workerA, ClusterTestKit.WithModel);
        var b = ClusterTestKit.Worker(workerB, ClusterTestKit.WithModel);
        a.Progress += (item, outcome) => takenBy.TryAdd(item.Source, "a");
        b.Progress += (item, outcome) => takenBy.TryAdd(item.Source, "b");
        var workers = Task.WhenAll(a.RunAsync(folder.Folder("a"), stop.Token), b.RunAsync(folder.Folder("b"), stop.Token));
        await using var nodeConnection = await ClusterTestKit.ConnectAsync(server.Url);
        using var replica = KeywordIndex.OpenForWriting(folder.Folder("replica"));
        var node = new LogApplier(nodeConnection, replica);
        var following = node.RunAsync(stop.Token);

        await ClusterTestKit.WaitForCatchUpAsync(nodeConnection, node, files.Count, TimeSpan.FromMinutes(5));
        await stop.CancelAsync();
        await Task.WhenAll(workers, following);

        Assert.Equal(files.Count, replica.ListDocuments().Count);
        Assert.True(replica.CountVectors() > 0, "the vectors travelled in the log");
        Assert.Equal(ClusterTestKit.Describe(single, queries), ClusterTestKit.Describe(replica, queries));
        // Both workers took files: the queue shared them out.
        Assert.Equal(2, takenBy.Values.Distinct().Count());
    }

    [NatsFact]
    public async Task WorkerKilledMidFile_FileIsRedeliveredToAnotherWorker_AndIngestedOnce()
    {
        using var folder = new TempFolder();
        using var server = NatsServer.Start();
        // Short, so the test does not wait long for the redelivery; not so short that a heartbeat (every third of it)
        // delayed by a loaded machine lets the survivor's second slot take the file it is still ingesting.
        var ackWait = TimeSpan.FromSeconds(10);
        await using var cluster = await ClusterTestKit.ConnectAsync(server.Url, workAckWait: ackWait);
        var file = SourceFile.FromDisk(TestPaths.SampleCorpus("nist_sp800-61r2_2012.pdf"));
        await new WorkSubmitter(cluster).SubmitAsync(file.Path, file.Source, null, 0, CancellationToken.None);

        // A real worker process, killed as soon as it has taken the file: it dies holding it, unacknowledged.
        using (var doomed = KbProcess.Start(
            ["cluster", "worker", "--nats", server.Url],
            new Dictionary<string, string?> { ["KB__Cluster__WorkAckWait"] = "00:00:10" }))
        {
            string? line;
            while ((line = await doomed.StandardOutput.ReadLineAsync()) is not null && !line.StartsWith("taking ", StringComparison.Ordinal))
            {
            }
            Assert.Equal($"taking {file.Source}", line);
            doomed.Kill(entireProcessTree: true);
            await doomed.WaitForExitAsync();
        }
        Assert.Equal(0, await cluster.LastLogSequenceAsync(CancellationToken.None));

        using var stop = new CancellationTokenSource();
        var outcomes = new System.Collections.Concurrent.ConcurrentQueue<IngestionOutcome>();
        var survivor = ClusterTestKit.Worker(cluster, ClusterTestKit.KeywordsOnly);
        survivor.Progress += (_, outcome) =>
        {
            if (outcome is not null)
            {
                outcomes.Enqueue(outcome);
            }
        };
        var working = survivor.RunAsync(folder.Folder("worker"), stop.Token);
        using var replica = KeywordIndex.OpenForWriting(folder.Folder("replica"));
        var node = new LogApplier(cluster, replica);
        var following = node.RunAsync(stop.Token);
        await ClusterTestKit.WaitForCatchUpAsync(cluster, node, 1, TimeSpan.FromMinutes(3));
        // Past another ack wait: had the file been left unacknowledged, it would have come back by now.
        await Task.Delay(ackWait * 2);
        await stop.CancelAsync();
        await Task.WhenAll(working, following);

        Assert.Equal(IngestionStatus.Indexed, Assert.Single(outcomes).Status);
        Assert.Equal(1, await cluster.LastLogSequenceAsync(CancellationToken.None));
        Assert.Equal(file.Source, Assert.Single(replica.ListDocuments()).Source);
    }

    [NatsFact]
    public async Task KbClusterSubmit_CarriesTheSidecarMetadata_AndKeepsTheOriginalByItsContentHash()
    {
        using var folder = new TempFolder();
        using var server = NatsServer.Start();
        await using var cluster = await ClusterTestKit.ConnectAsync(server.Url);
        var documents = folder.Folder("documents");
        var path = Path.Combine(documents, "strategy_en.txt");
        File.Copy(TestPaths.Fixture(Path.Combine("Languages", "strategy_en.txt")), path);
        File.WriteAllText(Path.Combine(documents, "strategy_en.meta.json"), """{"countryCode": "NO", "type": "national-strategy", "year": 2019}""");

        var (exitCode, output, error) = KbProcess.Run("cluster", "submit", documents, "--nats", server.Url);
        Assert.True(exitCode == 0, error);
        Assert.Contains("Queued 1 file(s)", output, StringComparison.Ordinal);
        using var stop = new CancellationTokenSource();
        var working = ClusterTestKit.Worker(cluster, ClusterTestKit.KeywordsOnly).RunAsync(folder.Folder("worker"), stop.Token);
        using var replica = KeywordIndex.OpenForWriting(folder.Folder("replica"));
        var node = new LogApplier(cluster, replica);
        var following = node.RunAsync(stop.Token);
        await ClusterTestKit.WaitForCatchUpAsync(cluster, node, 1, TimeSpan.FromMinutes(2));
        await stop.CancelAsync();
        await Task.WhenAll(working, following);

        var record = Assert.Single(replica.ListDocuments());
        Assert.Equal(("NO", "national-strategy", 2019), (record.Metadata.CountryCode, record.Metadata.Type, record.Metadata.Year));
        using var stored = new MemoryStream();
        Assert.True(await new OriginalStore(cluster).TryCopyToAsync(record.ContentHash, stored, CancellationToken.None));
        Assert.Equal(File.ReadAllBytes(path), stored.ToArray());
    }
}
