using System.Net;
using KnowledgeBase.Api.Tests.Support;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Api.Tests;

/// <summary>Browser origins come from configuration; searches are limited per client address.</summary>
public sealed class CorsAndRateLimitTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("https://kb.example.org", true)]
    [InlineData("https://elsewhere.example.com", false)]
    public async Task Preflight_is_allowed_only_for_configured_origins(string origin, bool allowed)
    {
        using var host = ApiHost.In(_folder, new Dictionary<string, string?> { ["KnowledgeBase:Security:CorsOrigins:0"] = "https://kb.example.org" });
        using var client = host.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/documents");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "x-api-key");

        using var response = await client.SendAsync(preflight);

        Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) && values.Single() == origin);
    }

    [Fact]
    public async Task Searches_over_the_limit_are_refused_with_a_429_problem()
    {
        using var host = ApiHost.In(_folder, new Dictionary<string, string?> { ["KnowledgeBase:RateLimits:SearchPerMinute"] = "2" });
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search?q=incident")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search?q=incident")).StatusCode);
        using var refused = await client.GetAsync("/api/search?q=incident");
        await Calls.ProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/documents")).StatusCode);
    }

    public void Dispose() => _folder.Dispose();
}
