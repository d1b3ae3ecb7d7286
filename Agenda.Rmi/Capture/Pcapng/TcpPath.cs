using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using PacketDotNet;

namespace Agenda.Rmi.Capture.Pcapng;

/// <summary>
/// One direction of a connection: source and destination endpoints and the synthetic MAC addresses the frames carry.
/// Builds its frames with PacketDotNet, which fills in the lengths and the IPv4 and TCP checksums.
/// </summary>
internal sealed class TcpPath(IPEndPoint source, IPEndPoint destination, PhysicalAddress sourceMac, PhysicalAddress destinationMac)
{
    // Locally administered (second bit of the first byte set), so they can never be mistaken for a real card's.
    private static readonly PhysicalAddress ClientMac = PhysicalAddress.Parse("02-00-00-00-00-01");
    private static readonly PhysicalAddress ServerMac = PhysicalAddress.Parse("02-00-00-00-00-02");

    // A fixed window wide enough that the receiver's regular ACKs (see WireConversationFrames) keep the sender
    // well inside it; Wireshark would otherwise mark frames "TCP Window Full".
    private const ushort Window = 65535;
    private const int HopLimit = 64;
    private const int TcpHeaderLength = 20, IPv4HeaderLength = 20, IPv6HeaderLength = 40;

    /// <summary>
    /// The largest payload of one segment: the link's MTU less the IP and TCP headers, as the kernel would announce
    /// it. Linux's loopback has an MTU of 65,536, so on 127.0.0.1 a 64 KiB message fits one or two segments, as in a
    /// live capture of lo; any other address is taken to be Ethernet (MTU 1,500: 1,460 bytes for IPv4, 1,440 for
    /// IPv6). IPv4 caps a packet at 65,535 bytes, hence 65,495 rather than 65,496 on loopback.
    /// </summary>
    public int MaxSegmentSize { get; } = MaxSegment(source.Address, destination.Address);

    /// <summary>Both directions of a conversation, with IPv4-mapped IPv6 addresses (a dual-mode socket's) as IPv4.</summary>
    public static (TcpPath ToServer, TcpPath ToClient) Pair(WireConversation conversation)
    {
        var (client, server) = (Unmapped(conversation.Client), Unmapped(conversation.Server));
        if (client.AddressFamily != server.AddressFamily)
            (client, server) = (new IPEndPoint(client.Address.MapToIPv6(), client.Port), new IPEndPoint(server.Address.MapToIPv6(), server.Port));
        return (new TcpPath(client, server, ClientMac, ServerMac), new TcpPath(server, client, ServerMac, ClientMac));
    }

    /// <summary>
    /// A frame whose TCP payload is <paramref name="length"/> bytes, of which only <paramref name="kept"/> (a prefix)
    /// are known; the frame is cut where the known bytes end, its original length still counting all of them.
    /// </summary>
    public TcpFrame Frame(DateTimeOffset time, TcpFlags flags, uint sequence, uint acknowledgment,
        ReadOnlyMemory<byte> kept, int length, string? comment = null)
    {
        var payload = new byte[length];
        kept.Span.CopyTo(payload);
        var tcp = new TcpPacket((ushort)source.Port, (ushort)destination.Port)
        {
            SequenceNumber = sequence, AcknowledgmentNumber = acknowledgment, Flags = (ushort)flags, WindowSize = Window,
            PayloadData = payload,
        };
        IPPacket ip = source.AddressFamily == AddressFamily.InterNetwork
            ? new IPv4Packet(source.Address, destination.Address) { TimeToLive = HopLimit, PayloadPacket = tcp }
            : new IPv6Packet(source.Address, destination.Address) { HopLimit = HopLimit, PayloadPacket = tcp };
        var ethernet = new EthernetPacket(sourceMac, destinationMac, ip is IPv4Packet ? EthernetType.IPv4 : EthernetType.IPv6)
        {
            PayloadPacket = ip,
        };
        ethernet.UpdateCalculatedValues();
        tcp.UpdateTcpChecksum();
        if (ip is IPv4Packet ipv4) ipv4.UpdateIPChecksum();

        var bytes = ethernet.Bytes;
        var captured = bytes.Length - (length - kept.Length);
        return new TcpFrame(time, captured == bytes.Length ? bytes : bytes[..captured], bytes.Length, comment);
    }

    private static IPEndPoint Unmapped(IPEndPoint endpoint) =>
        endpoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endpoint.Address.MapToIPv4(), endpoint.Port) : endpoint;

    private static int MaxSegment(IPAddress source, IPAddress destination)
    {
        var mtu = IPAddress.IsLoopback(source) && IPAddress.IsLoopback(destination) ? 65_536 : 1_500;
        return source.AddressFamily == AddressFamily.InterNetwork
            ? Math.Min(mtu, ushort.MaxValue) - IPv4HeaderLength - TcpHeaderLength
            : mtu - IPv6HeaderLength - TcpHeaderLength;
    }
}
