using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KnowledgeBase.Tests.Support;

/// <summary>
/// A real nats-server with JetStream on loopback, on free ports, storing in its own temporary folder; killed and
/// removed when disposed. <see cref="StartCluster"/> starts servers routed to each other (a Raft cluster).
/// </summary>
internal sealed class NatsServer : IDisposable
{
    private readonly Process _process;
    private readonly TempFolder _store;

    private NatsServer(Process process, TempFolder store, int port)
    {
        _process = process;
        _store = store;
        Port = port;
    }

    public static string? Executable { get; } = new[] { "/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server" }.FirstOrDefault(File.Exists);

    public int Port { get; }

    public string Url => $"nats://127.0.0.1:{Port}";

    public static NatsServer Start() => Launch(FreePort(), null);

    /// <summary>Starts <paramref name="count"/> servers in one cluster; the URL list names them all.</summary>
    public static IReadOnlyList<NatsServer> StartCluster(int count)
    {
        var clientPorts = Enumerable.Range(0, count).Select(_ => FreePort()).ToArray();
        var routePorts = Enumerable.Range(0, count).Select(_ => FreePort()).ToArray();
        var routes = string.Join(',', routePorts.Select(p => $"nats://127.0.0.1:{p}"));
        return Enumerable.Range(0, count)
            .Select(i => Launch(clientPorts[i], ["--cluster_name", "kb", "--name", $"n{i}", "--cluster", $"nats://127.0.0.1:{routePorts[i]}", "--routes", routes]))
            .ToList();
    }

    public static string Urls(IEnumerable<NatsServer> servers) => string.Join(',', servers.Select(s => s.Url));

    private static NatsServer Launch(int port, string[]? clusterArgs)
    {
        var store = new TempFolder();
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("nats-server is not installed (tools/install-nats.sh)"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["-js", "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-sd", store.Path, .. clusterArgs ?? []])
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start)!;
        // Drained so a chatty server never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        WaitUntilListening(port, process);
        return new NatsServer(process, store, port);
    }

    private static void WaitUntilListening(int port, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }
        throw new InvalidOperationException($"nats-server did not listen on port {port}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Kills the server at once, as a crash would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        _store.Dispose();
    }
}
