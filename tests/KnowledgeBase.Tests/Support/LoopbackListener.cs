using System.Net;
using System.Net.Sockets;

namespace KnowledgeBase.Tests.Support;

/// <summary>An HttpListener on 127.0.0.1 at a free port, for the fake hosted APIs.</summary>
internal static class LoopbackListener
{
    /// <summary>
    /// The listener, started, and its port. Another test can take a free port between the probe that found it and the
    /// listener's start (CI saw "Address already in use"), so a taken port is given up for another.
    /// </summary>
    public static (HttpListener Listener, int Port) Start()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return (listener, port);
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
