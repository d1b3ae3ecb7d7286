using System.Net;
using System.Net.Sockets;

namespace Agenda.Tests;

/// <summary>Free loopback ports for tests (never 9090/9091: other test runs share this machine).</summary>
public static class FreePorts
{
    // The kernel may hand a just-released port out again at once; one test run never gets the same port twice, so
    // one process's HTTP, name-server and daemon ports cannot collide.
    private static readonly HashSet<int> Given = [];

    public static int Tcp()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (Given) if (Given.Add(port)) return port;
        }
    }

    /// <summary>A UDP port whose TCP twin is also free, because locateNS first tries a TCP connection to the same number.</summary>
    public static int Udp()
    {
        while (true)
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
            try
            {
                using var tcp = new TcpListener(IPAddress.Loopback, port);
                tcp.Start();
                return port;
            }
            catch (SocketException) { }
        }
    }
}
