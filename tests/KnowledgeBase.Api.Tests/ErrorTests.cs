using System.Net;
using KnowledgeBase.Api.Tests.Support;
using KnowledgeBase.Tests.Support;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Api.Tests;

/// <summary>Every refusal is a ProblemDetails with the right status, naming the field at fault.</summary>
public sealed class ErrorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("q=incident&year=20x8", "year")]
    [InlineData("q=incident&year=2024..2018", "year")]
    [InlineData("q=incident&status=current", "status")]
    [InlineData("q=incident&mode=semantic", "mode")]
    [InlineData("q=incident&top=0", "top")]
    [InlineData("q=incident&skip=-1", "skip")]
    [InlineData("q=", "q")]
    public async Task Bad_search_parameter_is_a_400_naming_it(string query, string field)
    {
        using var host = ApiHost.In(_folder);
        using var client = host.CreateClient();

        var problem = await Calls.ProblemAsync(await client.GetAsync($"/api/search?{query}"), HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]![field]);
        Assert.StartsWith(field + ":", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_by_json_body_validates_like_the_query_string()
    {
        using var host = ApiHost.In(_folder);
        using var client = host.CreateClient();

        using var ok = await Calls.PostJsonAsync(client, "/api/search", new { q = "incident response", type = (string[])["guide"], year = "2010..2020" });
        using var bad = await Calls.PostJsonAsync(client, "/api/search", new { q = "incident", year = "soon" });
        using var malformed = await client.PostAsync("/api/search", Calls.JsonContent("""{"q": "incident", "top": "ten"}"""));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.NotNull((await Calls.ProblemAsync(bad, HttpStatusCode.BadRequest))["errors"]!["year"]);
        await Calls.ProblemAsync(malformed, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/api/documents/0123456789abcdef")]
    [InlineData("/api/documents/0123456789abcdef/text")]
    [InlineData("/api/documents/0123456789abcdef/file")]
    [InlineData("/api/jobs/0123456789abcdef0123456789abcdef")]
    public async Task Unknown_id_is_a_404_problem(string url)
    {
        using var host = ApiHost.In(_folder);
        using var client = host.CreateWriter();

        await Calls.ProblemAsync(await client.GetAsync(url), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deleting_an_unknown_document_is_a_404_problem()
    {
        using var host = ApiHost.In(_folder);
        using var client = host.CreateWriter();

        await Calls.ProblemAsync(await client.DeleteAsync("/api/documents/0123456789abcdef"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task File_over_the_size_limit_is_a_413_and_leaves_nothing_behind()
    {
        using var host = ApiHost.In(_folder, new Dictionary<string, string?> { ["KnowledgeBase:MaxUploadBytes"] = "1000" });
        using var client = host.CreateWriter();
        var html = TestPaths.RepoRoot + "/tests/KnowledgeBase.Tests/Fixtures/cisa-style-guidance.html";

        var problem = await Calls.ProblemAsync(await client.PostAsync("/api/documents", Calls.FilesOnDisk(html)), HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("cisa-style-guidance.html", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder.Combine("data", "uploads")));
        Assert.Empty(Directory.EnumerateFiles(_folder.Combine("data", "jobs")));
    }

    [Theory]
    [InlineData("report.doc", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0 })]
    [InlineData("image.png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D })]
    public async Task Unsupported_file_type_is_a_415_naming_the_file(string name, byte[] content)
    {
        using var host = ApiHost.In(_folder);
        using var client = host.CreateWriter();

        var problem = await Calls.ProblemAsync(await client.PostAsync("/api/documents", Calls.Files((name, content))), HttpStatusCode.UnsupportedMediaType);

        Assert.StartsWith(name + ":", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_that_is_not_multipart_is_a_415()
    {
        using var host = ApiHost.In(_folder);
        using var client = host.CreateWriter();

        await Calls.ProblemAsync(await client.PostAsync("/api/documents", Calls.JsonContent("{}")), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Invalid_metadata_part_is_a_400_naming_the_part()
    {
        using var host = ApiHost.In(_folder);
        using var client = host.CreateWriter();
        var form = Calls.Files(("note.txt", "A note about incident response teams."u8.ToArray()));
        form.Add(Calls.JsonContent("""{"year": "last year"}"""), "note.txt.meta");

        var problem = await Calls.ProblemAsync(await client.PostAsync("/api/documents", form), HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["note.txt.meta"]);
        Assert.Contains("year", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_configuration_stops_the_start_naming_the_key()
    {
        using var host = ApiHost.In(_folder, new Dictionary<string, string?> { ["KnowledgeBase:Security:ApiKeys:0"] = "short" });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains("KnowledgeBase:Security:ApiKeys:0", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("short", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
