using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using KnowledgeBase.Api.Tests.Support;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Api.Tests;

/// <summary>Upload → job → search → original at the hit's page → delete, through the real pipeline and index.</summary>
public sealed class DocumentLifecycleTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Uploaded_pdf_is_searchable_served_by_range_and_gone_after_delete()
    {
        using var host = ApiHost.In(_folder);
        using var writer = host.CreateWriter();
        using var reader = host.CreateClient();

        var documentId = await Calls.IngestAsync(writer, TestPaths.SampleCorpus("nist_sp800-150_2016.pdf"));

        var results = await Calls.SearchAsync(reader, "q=cyber+threat+information+sharing&top=5");
        var hit = results["hits"]!.AsArray().First(h => h!["documentId"]!.GetValue<string>() == documentId)!;
        var page = hit["pageStart"]!.GetValue<int>();
        Assert.Equal($"/api/documents/{documentId}/file#page={page}", hit["link"]!.GetValue<string>());
        Assert.Contains("<mark>", hit["snippet"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("en", hit["language"]!.GetValue<string>());

        using var range = new HttpRequestMessage(HttpMethod.Get, hit["link"]!.GetValue<string>().Split('#')[0]);
        range.Headers.Range = new RangeHeaderValue(0, 1023);
        using var partial = await reader.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("application/pdf", partial.Content.Headers.ContentType?.MediaType);
        var bytes = await partial.Content.ReadAsByteArrayAsync();
        Assert.Equal(1024, bytes.Length);
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);

        using var deleted = await writer.DeleteAsync($"/api/documents/{documentId}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await Calls.ProblemAsync(await reader.GetAsync($"/api/documents/{documentId}"), HttpStatusCode.NotFound);
        await Calls.ProblemAsync(await reader.GetAsync($"/api/documents/{documentId}/file"), HttpStatusCode.NotFound);
        Assert.DoesNotContain(documentId, Calls.HitDocuments(await Calls.SearchAsync(reader, "q=cyber+threat+information+sharing")));
    }

    [Fact]
    public async Task Document_detail_text_and_listing_describe_the_ingested_file()
    {
        using var host = ApiHost.In(_folder);
        using var writer = host.CreateWriter();
        var documentId = await Calls.IngestAsync(writer, TestPaths.SampleCorpus("nist_sp800-150_2016.pdf"));

        var detail = await Calls.GetJsonAsync(writer, $"/api/documents/{documentId}");
        Assert.Equal("nist_sp800-150_2016.pdf", detail["fileName"]!.GetValue<string>());
        Assert.True(detail["chunkCount"]!.GetValue<int>() > 0);
        Assert.True(detail["hasFile"]!.GetValue<bool>());
        Assert.Equal(2016, detail["metadata"]!["year"]!.GetValue<int>());

        var text = await Calls.GetJsonAsync(writer, $"/api/documents/{documentId}/text");
        var pages = text["pages"]!.AsArray();
        Assert.Equal(detail["pageCount"]!.GetValue<int>(), pages.Count);
        Assert.Contains(pages, p => p!["text"]!.GetValue<string>().Contains("sharing", StringComparison.OrdinalIgnoreCase));

        var listed = await Calls.GetJsonAsync(writer, "/api/documents?year=2016");
        Assert.Equal(documentId, listed["items"]![0]!["id"]!.GetValue<string>());
        var none = await Calls.GetJsonAsync(writer, "/api/documents?year=2019..2024");
        Assert.Equal(0, none["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Metadata_part_named_after_the_file_becomes_its_sidecar()
    {
        using var host = ApiHost.In(_folder);
        using var writer = host.CreateWriter();
        var html = TestPaths.RepoRoot + "/tests/KnowledgeBase.Tests/Fixtures/cisa-style-guidance.html";
        using var form = Calls.FilesOnDisk(html);
        form.Add(Calls.JsonContent("""{"countryCode": "SN", "year": 2021}"""), "cisa-style-guidance.html.meta");

        var job = await Calls.WaitForJobAsync(writer, await Calls.UploadAsync(writer, form));
        var documentId = job["files"]![0]!["documentId"]!.GetValue<string>();

        var detail = await Calls.GetJsonAsync(writer, $"/api/documents/{documentId}");
        Assert.Equal("SN", detail["metadata"]!["countryCode"]!.GetValue<string>());
        var listed = await Calls.GetJsonAsync(writer, "/api/documents?country=sn&year=2021");
        Assert.Equal(1, listed["total"]!.GetValue<int>());
        using var file = await writer.GetAsync($"/api/documents/{documentId}/file");
        Assert.Equal("text/html", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("sandbox", file.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Same_bytes_uploaded_again_are_skipped_as_duplicate_of_the_first_document()
    {
        using var host = ApiHost.In(_folder);
        using var writer = host.CreateWriter();
        var docx = TestPaths.RepoRoot + "/tests/KnowledgeBase.Tests/Fixtures/itu-style-recommendation.docx";
        var first = await Calls.IngestAsync(writer, docx);

        var again = await Calls.WaitForJobAsync(writer, await Calls.UploadAsync(writer, Calls.FilesOnDisk(docx)));

        var file = again["files"]![0]!;
        Assert.Equal("skipped-duplicate", file["state"]!.GetValue<string>());
        Assert.Equal(first, file["documentId"]!.GetValue<string>());
        Assert.Equal(1, (await Calls.GetJsonAsync(writer, "/api/documents"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Corrupt_file_fails_only_its_own_entry_with_a_reason()
    {
        using var host = ApiHost.In(_folder);
        using var writer = host.CreateWriter();
        var html = File.ReadAllBytes(TestPaths.RepoRoot + "/tests/KnowledgeBase.Tests/Fixtures/cisa-style-guidance.html");
        var broken = "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without xref"u8.ToArray();

        var job = await Calls.WaitForJobAsync(writer, await Calls.UploadAsync(writer, Calls.Files(("guidance.html", html), ("broken.pdf", broken))));

        Assert.Equal("completed", job["state"]!.GetValue<string>());
        var files = job["files"]!.AsArray().ToDictionary(f => f!["name"]!.GetValue<string>(), f => f!);
        Assert.Equal("succeeded", files["guidance.html"]["state"]!.GetValue<string>());
        Assert.Equal("failed", files["broken.pdf"]["state"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(files["broken.pdf"]["reason"]?.GetValue<string>()));
        var jobs = await Calls.GetJsonAsync(writer, "/api/jobs");
        Assert.Contains(jobs.AsArray(), j => j!["id"]!.GetValue<string>() == job["id"]!.GetValue<string>());
    }

    public void Dispose() => _folder.Dispose();
}
