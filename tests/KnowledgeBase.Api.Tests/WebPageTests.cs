using System.Net;
using System.Net.Http.Headers;
using KnowledgeBase.Api.Tests.Support;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Api.Tests;

/// <summary>The page at / and its files: compressed, revalidated, locked to this origin; the API's routes unaffected.</summary>
public sealed class WebPageTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/app.css", "text/css")]
    [InlineData("/js/app.js", "text/javascript")]
    public async Task Page_files_are_served_compressed_with_revalidation(string url, string mediaType)
    {
        using var host = ApiHost.In(_folder);
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.True(response.Headers.CacheControl?.NoCache, "files are not fingerprinted, so the browser must revalidate");
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task Page_allows_only_its_own_scripts()
    {
        using var host = ApiHost.In(_folder);
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/");

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("<script type=\"module\" src=\"js/app.js\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_json_is_compressed_when_asked_and_unknown_api_routes_stay_404_problems()
    {
        using var host = ApiHost.In(_folder);
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/documents");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using var listing = await client.SendAsync(request);

        Assert.Equal("gzip", Assert.Single(listing.Content.Headers.ContentEncoding));
        await Calls.ProblemAsync(await client.GetAsync("/api/no-such-route"), HttpStatusCode.NotFound);
    }

    public void Dispose() => _folder.Dispose();
}
