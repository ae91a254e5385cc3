using System.Net;
using System.Text.Json.Nodes;
using KnowledgeBase.Api.Tests.Support;
using KnowledgeBase.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KnowledgeBase.Api.Tests;

/// <summary>
/// Two service nodes in cluster mode on one real nats-server: node A also works (ingests), node B only searches.
/// What one node accepts, the other serves, and a client reads its own write with ?minSequence=.
/// </summary>
public sealed class ClusterModeTests
{
    private static readonly string Text = Path.Combine(TestPaths.RepoRoot, "tests", "KnowledgeBase.Tests", "Fixtures", "Languages", "strategy_en.txt");

    private static Dictionary<string, string?> Node(string nats, string roles) => new()
    {
        ["KnowledgeBase:Cluster:Nats"] = nats,
        ["KnowledgeBase:Cluster:Roles"] = roles,
        ["KnowledgeBase:Embeddings:Provider"] = "none",
    };

    [NatsFact]
    public async Task UploadOnOneNode_IsSearchableOnTheOther_AndADeleteOnTheOtherReachesTheFirst()
    {
        using var folder = new TempFolder();
        using var server = NatsServer.Start();
        await using var nodeA = new ApiHost(folder.Combine("a"), Node(server.Url, "search,worker"));
        await using var nodeB = new ApiHost(folder.Combine("b"), Node(server.Url, "search"));
        using var writerA = nodeA.CreateWriter();
        using var writerB = nodeB.CreateWriter();
        using var readerB = nodeB.CreateClient();

        // The single-process upload route is sent to its cluster form, method and body kept.
        using var plain = nodeA.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        plain.DefaultRequestHeaders.Add("X-Api-Key", ApiHost.Key);
        using (var redirected = await plain.PostAsync("/api/documents", Calls.FilesOnDisk(Text)))
        {
            Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
            Assert.Equal("/api/cluster/documents", redirected.Headers.Location!.ToString());
        }

        using var upload = await writerA.PostAsync("/api/cluster/documents", Calls.FilesOnDisk(Text));
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var jobId = JsonNode.Parse(await upload.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        // Node B answers for the job node A accepted (its /api/jobs/{id} leads to the jobs bucket).
        var job = await Calls.WaitForJobAsync(readerB, $"/api/jobs/{jobId}");
        var file = job["files"]![0]!;
        Assert.Equal("succeeded", file["state"]!.GetValue<string>());
        var sequence = job["sequence"]!.GetValue<long>();
        Assert.True(sequence > 0);

        var results = await Calls.SearchAsync(readerB, $"q=national+cybersecurity+strategy&mode=bm25&minSequence={sequence}");
        var documentId = file["documentId"]!.GetValue<string>();
        Assert.Contains(documentId, Calls.HitDocuments(results));

        using var delete = await writerB.DeleteAsync($"/api/cluster/documents/{documentId}");
        Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        var deleteSequence = JsonNode.Parse(await delete.Content.ReadAsStringAsync())!["sequence"]!.GetValue<long>();
        Assert.True(deleteSequence > sequence);
        using var gone = await writerA.GetAsync($"/api/documents/{documentId}?minSequence={deleteSequence}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(deleteSequence.ToString(System.Globalization.CultureInfo.InvariantCulture), gone.Headers.GetValues("Kb-Applied-Sequence").Single());
    }

    [NatsFact]
    public async Task UploadWithMetadataToTheWorkerNode_TheSearchNodeHasItsMetadata_AndServesItsOriginalFromTheObjectStore()
    {
        using var folder = new TempFolder();
        using var server = NatsServer.Start();
        await using var nodeA = new ApiHost(folder.Combine("a"), Node(server.Url, "search,worker"));
        await using var nodeB = new ApiHost(folder.Combine("b"), Node(server.Url, "search"));
        using var writerA = nodeA.CreateWriter();
        using var readerB = nodeB.CreateClient();
        var bytes = System.Text.Encoding.UTF8.GetBytes("Stratégie du Bénin\n\nLe Bénin crée une équipe nationale de réponse aux incidents informatiques.");
        var form = Calls.Files(("benin.txt", bytes));
        // Sidecar metadata as the single-process upload takes it: a part named "{file name}.meta".
        form.Add(Calls.JsonContent("""{"countryCode": "BJ", "type": "national-strategy", "year": 2020}"""), "benin.txt.meta");

        using var upload = await writerA.PostAsync("/api/cluster/documents", form);
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var jobId = JsonNode.Parse(await upload.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        var job = await Calls.WaitForJobAsync(readerB, $"/api/jobs/{jobId}");
        var documentId = job["files"]![0]!["documentId"]!.GetValue<string>();
        var sequence = job["sequence"]!.GetValue<long>();

        var detail = await Calls.GetJsonAsync(readerB, $"/api/documents/{documentId}?minSequence={sequence}");
        Assert.Equal("BJ", detail["metadata"]!["countryCode"]!.GetValue<string>());
        Assert.Equal("national-strategy", detail["metadata"]!["type"]!.GetValue<string>());
        Assert.Equal(2020, detail["metadata"]!["year"]!.GetValue<int>());
        Assert.True(detail["hasFile"]!.GetValue<bool>());
        // Node B never had the file: it comes from the object store (node A's worker kept no copy either).
        using var original = await readerB.GetAsync($"/api/documents/{documentId}/file");
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal(bytes, await original.Content.ReadAsByteArrayAsync());
        using var range = new HttpRequestMessage(HttpMethod.Get, $"/api/documents/{documentId}/file");
        range.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 9);
        using var part = await readerB.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(bytes[..10], await part.Content.ReadAsByteArrayAsync());
    }

    [NatsFact]
    public async Task MinSequenceAheadOfTheLog_AnswersUnavailable_AfterABoundedWait()
    {
        using var folder = new TempFolder();
        using var server = NatsServer.Start();
        var settings = Node(server.Url, "search");
        settings["KnowledgeBase:Cluster:MaxReadWait"] = "00:00:01";
        await using var node = new ApiHost(folder.Combine("a"), settings);
        using var reader = node.CreateClient();

        using var response = await reader.GetAsync("/api/search?q=strategy&minSequence=99");

        var problem = await Calls.ProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("not yet 99", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
