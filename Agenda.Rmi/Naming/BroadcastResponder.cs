using System.Net;
using System.Net.Sockets;
using System.Text;
using Agenda.Rmi.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Agenda.Rmi.Naming;

/// <summary>
/// Name server discovery, as Pyro4's BroadcastServer: a UDP datagram of exactly <c>GET_NSURI</c> is answered, to the
/// sender, with the name server's URI in latin-1; anything else is ignored. This is what <c>Pyro4.locateNS()</c> without
/// a host finds. Unlike Python it also runs on loopback, so discovery can be proven with <c>PYRO_BROADCAST_ADDRS=127.0.0.1</c>.
/// </summary>
public sealed class BroadcastResponder(IPEndPoint bindTo, PyroUri nameServerUri, ILogger<BroadcastResponder> logger)
    : BackgroundService
{
    private static ReadOnlySpan<byte> Request => "GET_NSURI"u8;

    // Pyro reads at most 100 bytes; a longer datagram is truncated and so can never equal the request.
    private const int MaxDatagram = 100;

    private Socket? _socket;

    /// <summary>Where the responder listens; known once started (useful when bound to port 0).</summary>
    public IPEndPoint? LocalEndPoint => _socket?.LocalEndPoint as IPEndPoint;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Discovery is a convenience: if the port is taken, say so and keep the name server itself running.
        var socket = new Socket(bindTo.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(bindTo);
        }
        catch (SocketException error)
        {
            socket.Dispose();
            logger.LogError("Pyro name server discovery is off: cannot bind udp://{EndPoint} ({Reason}). Clients must name the host (locateNS(host, port), nsc -n)",
                bindTo, error.Message);
            return Task.CompletedTask;
        }
        _socket = socket;
        logger.LogInformation("Pyro name server discovery (GET_NSURI) on udp://{EndPoint}", socket.LocalEndPoint);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var socket = _socket!;
        var buffer = new byte[MaxDatagram];
        EndPoint any = new IPEndPoint(bindTo.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, stoppingToken);
                if (!buffer.AsSpan(0, received.ReceivedBytes).SequenceEqual(Request)) continue;
                var requester = (IPEndPoint)received.RemoteEndPoint;
                var reply = Encoding.Latin1.GetBytes(UriFor(requester).ToString());
                await socket.SendToAsync(reply, SocketFlags.None, requester, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (SocketException error)
            {
                // One unreachable requester (ICMP errors surface on the next receive) must not stop discovery.
                logger.LogDebug(error, "Broadcast responder socket error");
            }
        }
    }

    // A name server bound to all interfaces has no single address to hand out: like Pyro, answer with the local
    // address that routes to the requester.
    private PyroUri UriFor(IPEndPoint requester)
    {
        if (nameServerUri.Host is not { } host || !IPAddress.TryParse(host, out var address)
            || !(address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)))
            return nameServerUri;
        using var probe = new Socket(requester.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        probe.Connect(requester);
        return nameServerUri with { Host = ((IPEndPoint)probe.LocalEndPoint!).Address.ToString() };
    }

    public override void Dispose()
    {
        base.Dispose();
        _socket?.Dispose();
    }
}
