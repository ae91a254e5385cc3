using System.Net;
using System.Text.Json.Nodes;
using KnowledgeBase.Api.Tests.Support;
using KnowledgeBase.Core.Cluster;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Api.Tests;

/// <summary>The service in cluster mode as a real process, killed with SIGKILL while the cluster goes on writing.</summary>
public sealed class ClusterServiceProcessTests
{
    private static string Fixture(string name) => Path.Combine(TestPaths.RepoRoot, "tests", "KnowledgeBase.Tests", "Fixtures", "Languages", name);

    [NatsFact]
    public async Task ServiceNodeKilled_RestartsFromItsStoredSequence_AndEndsIdenticalToANodeThatReplayedTheLog()
    {
        using var folder = new TempFolder();
        using var server = NatsServer.Start();
        var data = folder.Combine("node");
        var settings = new Dictionary<string, string>
        {
            ["KB__Cluster__Nats"] = server.Url,
            ["KB__Cluster__Roles"] = "search,worker",
            ["KB__Security__ApiKeys__0"] = ApiHost.Key,
        };
        string firstId;
        using (var node = ServiceProcess.Start(folder.Folder("cwd"), data, settings))
        {
            await node.WaitUntilLiveAsync();
            node.Client.DefaultRequestHeaders.Add("X-Api-Key", ApiHost.Key);
            (firstId, _) = await UploadAsync(node.Client, Fixture("strategy_en.txt"));
            await node.KillAsync();
        }
        long stored;
        using (var afterKill = KeywordIndex.OpenForReading(Path.Combine(data, "index")))
        {
            stored = afterKill.AppliedLogSequence;
        }
        Assert.Equal(1, stored);
        // While it is down, another node deletes the document.
        await using var cluster = await ClusterConnection.ConnectAsync(new ClusterOptions { Nats = server.Url }, CancellationToken.None);
        var deleteSequence = await new IndexLog(cluster).AppendAsync(IndexOperation.Delete(firstId), "delete", CancellationToken.None);

        using (var node = ServiceProcess.Start(folder.Folder("cwd"), data, settings))
        {
            await node.WaitUntilLiveAsync();
            node.Client.DefaultRequestHeaders.Add("X-Api-Key", ApiHost.Key);
            using (var gone = await node.Client.GetAsync($"/api/documents/{firstId}?minSequence={deleteSequence}"))
            {
                Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
            }
            // It works again: an upload to the restarted node is ingested and searchable.
            var (secondId, sequence) = await UploadAsync(node.Client, Fixture("controls_ar-en.txt"));
            Assert.Equal(deleteSequence + 1, sequence);
            var documents = await Calls.GetJsonAsync(node.Client, $"/api/documents?minSequence={sequence}");
            Assert.Equal([secondId], documents["items"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()));
            await node.KillAsync();
        }

        using var replica = KeywordIndex.OpenForReading(Path.Combine(data, "index"));
        using var reference = KeywordIndex.OpenForWriting(folder.Folder("reference"));
        var follower = new LogApplier(cluster, reference);
        using var stop = new CancellationTokenSource();
        var following = follower.RunAsync(stop.Token);
        Assert.True(await follower.WaitForAsync(deleteSequence + 1, TimeSpan.FromMinutes(2), CancellationToken.None));
        await stop.CancelAsync();
        await following;
        Assert.Equal(deleteSequence + 1, replica.AppliedLogSequence);
        Assert.Equal(Describe(reference), Describe(replica));
    }

    private static async Task<(string DocumentId, long Sequence)> UploadAsync(HttpClient client, string path)
    {
        using var upload = await client.PostAsync("/api/cluster/documents", Calls.FilesOnDisk(path));
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var jobId = JsonNode.Parse(await upload.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        var job = await Calls.WaitForJobAsync(client, $"/api/jobs/{jobId}");
        Assert.Equal("succeeded", job["files"]![0]!["state"]!.GetValue<string>());
        var (documentId, sequence) = (job["files"]![0]!["documentId"]!.GetValue<string>(), job["sequence"]!.GetValue<long>());
        // The job is done once the worker has published; the node's own index has it once it has applied the entry.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            using var read = await client.GetAsync($"/api/documents/{documentId}?minSequence={sequence}");
            if (read.StatusCode == HttpStatusCode.OK)
            {
                return (documentId, sequence);
            }
            Assert.True(read.StatusCode == HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline, $"the node did not apply entry {sequence}: {read.StatusCode}");
        }
    }

    private static IEnumerable<string> Describe(KeywordIndex index) =>
        index.ListDocuments().Select(r => $"{r.Id} {r.ContentHash} {r.Title} chunks={index.CountChunks(r.Id)}");
}
