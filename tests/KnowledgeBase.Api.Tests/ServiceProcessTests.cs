using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
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
        var port = FreePort();
        var output = new ConcurrentQueue<string>();
        using var service = Start(workingDirectory, port, output);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            await WaitUntilLiveAsync(client, service, output);

            using var page = await client.GetAsync("/");
            using var search = await client.GetAsync($"/api/search?q=incident&X-Api-Key={QueryKey}&api_key={QueryKey}");

            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        }
        finally
        {
            service.Kill(entireProcessTree: true);
            await service.WaitForExitAsync();
        }
        var log = string.Join('\n', output);
        Assert.Contains($"127.0.0.1:{port}", log, StringComparison.Ordinal);
        Assert.DoesNotContain(QueryKey, log, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private Process Start(string workingDirectory, int port, ConcurrentQueue<string> output)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
        var dll = Path.Combine(TestPaths.RepoRoot, "src", "KnowledgeBase.Api", "bin", configuration, "net10.0", "KnowledgeBase.Api.dll");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["KB__DataPath"] = _folder.Combine("data");
        start.Environment["KB__CorpusPath"] = "";
        start.Environment["KB__Embeddings__Provider"] = "none";
        // As if no appsettings.json restrained ASP.NET Core's own logs: request lines are logged at Information.
        start.Environment["Logging__LogLevel__Default"] = "Information";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Information";
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Polls /health/live; the generous limit only stops a service that never starts.</summary>
    private static async Task WaitUntilLiveAsync(HttpClient client, Process service, ConcurrentQueue<string> output)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            Assert.False(service.HasExited, "the service exited:\n" + string.Join('\n', output));
            try
            {
                using var live = await client.GetAsync("/health/live");
                if (live.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            Assert.True(DateTime.UtcNow < deadline, "the service did not answer at ASPNETCORE_URLS:\n" + string.Join('\n', output));
            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
