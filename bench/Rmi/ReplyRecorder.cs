using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Agenda.Bench.Rmi;

/// <summary>
/// A one-connection TCP relay in front of Agenda's daemon that keeps every byte the daemon sends, cut into Pyro
/// messages. The benchmark runs one handshake and one <c>buscar</c> through it to get the replies the raw
/// ping-pong server replays, so its replies have exactly the size of Agenda's.
/// </summary>
public sealed class ReplyRecorder(int daemonPort) : IDisposable
{
    private readonly TcpListener _listener = Started();
    private readonly List<byte> _fromDaemon = [];

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Relays one client connection until the caller completes <paramref name="done"/>.</summary>
    public Task RelayAsync(out TaskCompletionSource done)
    {
        done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return RelayAsync(done.Task);
    }

    private async Task RelayAsync(Task done)
    {
        using var client = await _listener.AcceptTcpClientAsync();
        using var daemon = new TcpClient();
        await daemon.ConnectAsync(IPAddress.Loopback, daemonPort);
        var (c, d) = (client.GetStream(), daemon.GetStream());
        using var stop = new CancellationTokenSource();
        var up = c.CopyToAsync(d, stop.Token);
        var down = CopyRecordingAsync(d, c, stop.Token);
        await done;
        await stop.CancelAsync();
        try { await Task.WhenAll(up, down); }
        catch (Exception e) when (e is OperationCanceledException or IOException) { } // the client hung up first
    }

    /// <summary>The daemon's messages in the order sent (header, annotations and payload each).</summary>
    public IReadOnlyList<byte[]> Messages()
    {
        var bytes = _fromDaemon.ToArray();
        var messages = new List<byte[]>();
        for (var at = 0; at + 24 <= bytes.Length;)
        {
            var size = 24 + BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at + 12)) + BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at + 18));
            messages.Add(bytes[at..(at + size)]);
            at += size;
        }
        return messages;
    }

    private async Task CopyRecordingAsync(Stream from, Stream to, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, ct)) > 0)
        {
            lock (_fromDaemon) _fromDaemon.AddRange(buffer.AsSpan(0, read));
            await to.WriteAsync(buffer.AsMemory(0, read), ct);
        }
    }

    private static TcpListener Started()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    public void Dispose() => _listener.Stop();
}
