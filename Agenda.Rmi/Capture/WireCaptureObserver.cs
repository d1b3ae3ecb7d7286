using System.Net;
using Agenda.Rmi.Daemon;

namespace Agenda.Rmi.Capture;

/// <summary>Connects the daemons to the capture: each connection they accept gets its own <see cref="WireConnectionTrace"/>.</summary>
public sealed class WireCaptureObserver(WireCapture capture) : IPyroConnectionObserver
{
    private static readonly IPEndPoint Unknown = new(IPAddress.Any, 0);

    public IPyroConnectionWatch Open(string listener, EndPoint? client, EndPoint? server) =>
        new WireConnectionTrace(capture, capture.Open(listener, AsIp(client), AsIp(server)));

    // Kestrel's sockets give IPEndPoints; dual-mode sockets report IPv4 clients as IPv4-mapped IPv6, shown as plain IPv4.
    private static IPEndPoint AsIp(EndPoint? endPoint) => endPoint switch
    {
        IPEndPoint { Address.IsIPv4MappedToIPv6: true } ip => new IPEndPoint(ip.Address.MapToIPv4(), ip.Port),
        IPEndPoint ip => ip,
        _ => Unknown,
    };
}
