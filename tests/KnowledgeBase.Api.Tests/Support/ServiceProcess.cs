using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Api.Tests.Support;

/// <summary>
/// The built service (KnowledgeBase.Api.dll) as a real process on 127.0.0.1 at a free port, configured by
/// environment variables as an operator would; its output is collected. Killed (SIGKILL) when disposed.
/// </summary>
internal sealed class ServiceProcess : IDisposable
{
    private ServiceProcess(Process process, int port, ConcurrentQueue<string> output)
    {
        Process = process;
        Port = port;
        Output = output;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public Process Process { get; }

    public int Port { get; }

    public ConcurrentQueue<string> Output { get; }

    public HttpClient Client { get; }

    /// <summary>Starts the service with its data in <paramref name="dataPath"/>, no corpus and no embeddings, plus <paramref name="environment"/>.</summary>
    public static ServiceProcess Start(string workingDirectory, string dataPath, IReadOnlyDictionary<string, string> environment)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
        var dll = Path.Combine(TestPaths.RepoRoot, "src", "KnowledgeBase.Api", "bin", configuration, "net10.0", "KnowledgeBase.Api.dll");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["KB__DataPath"] = dataPath;
        start.Environment["KB__CorpusPath"] = "";
        start.Environment["KB__Embeddings__Provider"] = "none";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var output = new ConcurrentQueue<string>();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServiceProcess(process, port, output);
    }

    /// <summary>Polls /health/live; the generous limit only stops a service that never starts.</summary>
    public async Task WaitUntilLiveAsync()
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            Assert.False(Process.HasExited, "the service exited:\n" + string.Join('\n', Output));
            try
            {
                using var live = await Client.GetAsync("/health/live");
                if (live.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            Assert.True(DateTime.UtcNow < deadline, "the service did not answer at ASPNETCORE_URLS:\n" + string.Join('\n', Output));
            await Task.Delay(200);
        }
    }

    /// <summary>SIGKILL: no shutdown, no disposal of the index or the NATS connection.</summary>
    public async Task KillAsync()
    {
        Process.Kill(entireProcessTree: true);
        await Process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
        }
        Process.Dispose();
        Client.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
