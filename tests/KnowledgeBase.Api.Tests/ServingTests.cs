using System.Net;
using System.Net.Http.Headers;
using KnowledgeBase.Api.Tests.Support;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Api.Tests;

/// <summary>The service as it runs: first-start corpus job, searches during ingestion, a real Kestrel socket.</summary>
public sealed class ServingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task First_start_on_an_empty_index_ingests_the_corpus_as_a_job_and_keeps_the_originals()
    {
        var corpus = _folder.Folder("corpus");
        _folder.Copy(TestPaths.RepoRoot + "/tests/KnowledgeBase.Tests/Fixtures/cisa-style-guidance.html", "corpus/cisa-style-guidance.html");
        _folder.Copy(TestPaths.RepoRoot + "/tests/KnowledgeBase.Tests/Fixtures/itu-style-recommendation.docx", "corpus/sub/itu-style-recommendation.docx");
        var settings = new Dictionary<string, string?> { ["KnowledgeBase:CorpusPath"] = corpus };

        using (var host = ApiHost.In(_folder, settings))
        using (var client = host.CreateClient())
        {
            var jobs = await Calls.GetJsonAsync(client, "/api/jobs");
            var seed = Assert.Single(jobs.AsArray())!;
            Assert.Equal("corpus", seed["kind"]!.GetValue<string>());
            var job = await Calls.WaitForJobAsync(client, $"/api/jobs/{seed["id"]}");

            Assert.All(job["files"]!.AsArray(), f => Assert.Equal("succeeded", f!["state"]!.GetValue<string>()));
            foreach (var file in job["files"]!.AsArray())
            {
                using var original = await client.GetAsync($"/api/documents/{file!["documentId"]}/file");
                Assert.Equal(HttpStatusCode.OK, original.StatusCode);
            }
        }

        using var restarted = ApiHost.In(_folder, settings);
        using var again = restarted.CreateClient();
        Assert.Single((await Calls.GetJsonAsync(again, "/api/jobs")).AsArray());
    }

    [Fact]
    public async Task Searches_during_ingestion_keep_answering_and_see_the_document_once_its_file_succeeded()
    {
        // Repeated searches come from the result cache in microseconds: this loop would outrun the rate limit.
        using var host = ApiHost.In(_folder, new Dictionary<string, string?> { ["KnowledgeBase:RateLimits:SearchPerMinute"] = "0" });
        using var writer = host.CreateWriter();
        using var reader = host.CreateClient();
        await Calls.IngestAsync(writer, TestPaths.RepoRoot + "/tests/KnowledgeBase.Tests/Fixtures/cisa-style-guidance.html");

        var location = await Calls.UploadAsync(writer, Calls.FilesOnDisk(TestPaths.SampleCorpus("nist_sp800-61r2_2012.pdf")));
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var file = (await Calls.GetJsonAsync(writer, location))["files"]![0]!;
            // Searched after reading the job: once the job says succeeded, the commit has happened.
            var results = await Calls.SearchAsync(reader, "q=computer+security+incident+handling+guide&top=20");
            if (file["state"]!.GetValue<string>() == "succeeded")
            {
                Assert.Contains(file["documentId"]!.GetValue<string>(), Calls.HitDocuments(results));
                break;
            }
            var state = file["state"]!.GetValue<string>();
            Assert.True(state is "queued" or "running", $"file ended as {state}");
            Assert.True(DateTime.UtcNow < deadline, "ingestion did not finish");
        }
    }

    [Fact]
    public async Task Real_kestrel_on_loopback_serves_upload_search_ranges_openapi_and_metrics()
    {
        using var host = ApiHost.In(_folder, kestrel: true);
        using var writer = host.CreateWriter();
        Assert.Equal("127.0.0.1", writer.BaseAddress!.Host);
        Assert.NotEqual(0, writer.BaseAddress.Port);

        var documentId = await Calls.IngestAsync(writer, TestPaths.RepoRoot + "/tests/KnowledgeBase.Tests/Fixtures/itu-style-recommendation.docx");
        var results = await Calls.SearchAsync(writer, "q=security&mode=bm25");
        Assert.Contains(documentId, Calls.HitDocuments(results));

        using var range = new HttpRequestMessage(HttpMethod.Get, $"/api/documents/{documentId}/file");
        range.Headers.Range = new RangeHeaderValue(0, 3);
        using var partial = await writer.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("PK\u0003\u0004"u8.ToArray(), await partial.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync("/health/ready")).StatusCode);
        var openApi = await writer.GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"/api/search\"", openApi, StringComparison.Ordinal);
        Assert.Contains("\"/api/documents/{id}/file\"", openApi, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync("/docs/")).StatusCode);
        var metrics = await writer.GetStringAsync("/metrics");
        Assert.Contains("kb_ingestion_files_total", metrics, StringComparison.Ordinal);
        Assert.Contains("kb_ingestion_step_duration_seconds", metrics, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", metrics, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
