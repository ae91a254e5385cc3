using System.Net;
using KnowledgeBase.Api.Tests.Support;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Api.Tests;

/// <summary>
/// The built service as an operator starts it, a real process on 127.0.0.1: from any folder it finds its page and
/// settings, the standard ASPNETCORE_URLS chooses its address, and a key sent in a query string is never logged.
/// </summary>
public sealed class ServiceProcessTests : IDisposable
{
    private const string QueryKey = "query-secret-0123456789";

    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("a folder of its own")]
    [InlineData("the project folder")]
    [InlineData("the repository root")]
    public async Task Started_from_anywhere_it_serves_its_page_at_the_standard_url_and_never_logs_a_query_key(string from)
    {
        var workingDirectory = from switch
        {
            "a folder of its own" => _folder.Folder("elsewhere"),
            "the project folder" => Path.Combine(TestPaths.RepoRoot, "src", "KnowledgeBase.Api"),
            _ => TestPaths.RepoRoot,
        };
        using var service = ServiceProcess.Start(workingDirectory, _folder.Combine("data"), new Dictionary<string, string>
        {
            // As if no appsettings.json restrained ASP.NET Core's own logs: request lines are logged at Information.
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Information",
        });
        await service.WaitUntilLiveAsync();

        using var page = await service.Client.GetAsync("/");
        using var search = await service.Client.GetAsync($"/api/search?q=incident&X-Api-Key={QueryKey}&api_key={QueryKey}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        await service.KillAsync();
        var log = string.Join('\n', service.Output);
        Assert.Contains($"127.0.0.1:{service.Port}", log, StringComparison.Ordinal);
        Assert.DoesNotContain(QueryKey, log, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
