using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Agenda.Bench.Rmi;

/// <summary>
/// The floor no Pyro server can beat here: a TCP server that reads each Pyro message (24-byte header, then the
/// annotations and payload it declares) and answers with bytes recorded from Agenda — the handshake reply for a
/// CONNECT, the <c>buscar</c> reply for anything else — patching only the sequence number and checksum. No
/// deserialization, no dispatch, no serialization: what is left is the socket round trip.
/// </summary>
public sealed class RawPingPongServer : IAsyncDisposable
{
    // Header: tag(4) version(2) type(2) flags(2) seq(2) dataSize(4) serializer(2) annotationsSize(2) reserved(2) checksum(2).
    private const int HeaderSize = 24;
    private const int ConnectType = 1;
    private const int ChecksumMagic = 0x34E9;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly byte[] _connectReply;
    private readonly byte[] _invokeReply;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public RawPingPongServer(byte[] connectReply, byte[] invokeReply)
    {
        (_connectReply, _invokeReply) = (connectReply, invokeReply);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                _ = ServeAsync(socket);
            }
        }
        catch (OperationCanceledException) { }
    }

    // One receive may hold part of a message or several; answer every complete one, with one send per receive.
    private async Task ServeAsync(Socket socket)
    {
        socket.NoDelay = true;
        var buffer = new byte[64 * 1024];
        var replies = new List<byte>(4096);
        var connectReply = (byte[])_connectReply.Clone();
        var invokeReply = (byte[])_invokeReply.Clone();
        var filled = 0;
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer.AsMemory(filled), _stop.Token);
                if (read == 0) return;
                filled += read;
                var at = 0;
                while (filled - at >= HeaderSize)
                {
                    var header = buffer.AsSpan(at, HeaderSize);
                    var size = HeaderSize + BinaryPrimitives.ReadInt32BigEndian(header[12..]) + BinaryPrimitives.ReadUInt16BigEndian(header[18..]);
                    if (size > buffer.Length) return; // not a request this benchmark sends
                    if (filled - at < size) break;
                    var reply = BinaryPrimitives.ReadUInt16BigEndian(header[6..]) == ConnectType ? connectReply : invokeReply;
                    WithSequence(reply, BinaryPrimitives.ReadUInt16BigEndian(header[10..]));
                    replies.AddRange(reply);
                    at += size;
                }
                Buffer.BlockCopy(buffer, at, buffer, 0, filled - at);
                filled -= at;
                if (replies.Count == 0) continue;
                await socket.SendAsync(replies.ToArray(), _stop.Token);
                replies.Clear();
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException) { }
        finally { socket.Dispose(); }
    }

    // The checksum is the 16-bit sum of the numeric header fields; only seq changes, so recompute it whole.
    private static void WithSequence(byte[] message, ushort seq)
    {
        var h = message.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(h[10..], seq);
        var sum = BinaryPrimitives.ReadUInt16BigEndian(h[6..]) + BinaryPrimitives.ReadUInt16BigEndian(h[4..])
                  + BinaryPrimitives.ReadInt32BigEndian(h[12..]) + BinaryPrimitives.ReadUInt16BigEndian(h[18..])
                  + BinaryPrimitives.ReadUInt16BigEndian(h[16..]) + BinaryPrimitives.ReadUInt16BigEndian(h[8..])
                  + seq + ChecksumMagic;
        BinaryPrimitives.WriteUInt16BigEndian(h[22..], (ushort)sum);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
    }
}
