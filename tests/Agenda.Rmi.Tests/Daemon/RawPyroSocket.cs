using System.Buffers;
using System.Net.Sockets;
using Agenda.Rmi.Protocol;
using Agenda.Rmi.Serialization;

namespace Agenda.Rmi.Tests.Daemon;

/// <summary>A bare TCP connection for sending hand-made bytes and reading whatever comes back.</summary>
internal sealed class RawPyroSocket : IDisposable
{
    private readonly TcpClient _tcp = new();

    public static async Task<RawPyroSocket> ConnectAsync(int port)
    {
        var socket = new RawPyroSocket();
        await socket._tcp.ConnectAsync("127.0.0.1", port);
        return socket;
    }

    public Task SendAsync(byte[] bytes) => _tcp.GetStream().WriteAsync(bytes).AsTask();

    public static byte[] Connect(string objectId, ushort serializerId = 2) => PyroMessageWriter.ToArray(new PyroMessage(
        PyroMessageType.Connect, PyroFlags.MetaOnConnect, 0, serializerId, PyroMessage.NoAnnotations,
        JsonPyroSerializer.Instance.Serialize(new Dictionary<string, object?> { ["handshake"] = "hello", ["object"] = objectId })));

    /// <summary>The next message, or null when the server closes the connection first.</summary>
    public async Task<PyroMessage?> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var received = new List<byte>();
        var chunk = new byte[4096];
        var reader = new PyroMessageReader(1 << 24);
        while (true)
        {
            var buffer = new ReadOnlySequence<byte>(received.ToArray());
            if (reader.TryRead(ref buffer, out var message)) return message;
            int read;
            try { read = await _tcp.GetStream().ReadAsync(chunk, cts.Token); }
            catch (IOException) { return null; }
            if (read == 0) return null;
            received.AddRange(chunk.AsSpan(0, read).ToArray());
        }
    }

    /// <summary>True if the server closed the connection (EOF or reset) within the timeout.</summary>
    public async Task<bool> IsClosedByServerAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var chunk = new byte[4096];
        try
        {
            while (await _tcp.GetStream().ReadAsync(chunk, cts.Token) > 0) { }
            return true;
        }
        catch (IOException) { return true; }
        catch (OperationCanceledException) { return false; }
    }

    public void Dispose() => _tcp.Dispose();
}
