using System.Buffers;
using System.Net;
using System.Text;
using Agenda.Rmi.Capture;
using Agenda.Rmi.Capture.Pcapng;
using Agenda.Rmi.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace Agenda.Rmi.Tests.Capture.Pcapng;

/// <summary>
/// A recording <see cref="WireCapture"/> driven as the daemon drives it, with real Pyro messages on a fake clock, and
/// exported to a temporary file that goes when the test does.
/// </summary>
internal sealed class PyroConversations : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private readonly List<string> _files = [];

    public PyroConversations(Action<WireCaptureOptions>? configure = null)
    {
        var options = new WireCaptureOptions { Enabled = true };
        configure?.Invoke(options);
        Capture = new WireCapture(options, Time);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public WireCapture Capture { get; }

    public WireConnectionTrace Open(IPEndPoint client, IPEndPoint server, string listener = "objects") =>
        new(Capture, Capture.Open(listener, client, server));

    /// <summary>Advances the clock a millisecond, then records the message as crossing the socket.</summary>
    public byte[] Send(WireConnectionTrace trace, WireDirection direction, byte[] message)
    {
        Time.Advance(TimeSpan.FromMilliseconds(1));
        trace.Message(direction, new ReadOnlySequence<byte>(message));
        return message;
    }

    /// <summary>A proxy's first call: CONNECT, CONNECTOK, INVOKE, RESULT (with a result of the given size).</summary>
    public (byte[] FromClient, byte[] ToClient) Call(WireConnectionTrace trace, int resultSize = 40)
    {
        var connect = Send(trace, WireDirection.FromClient, Message(PyroMessageType.Connect, 0, "{'handshake':'hello','object':'KLEIN_ROCHA'}"));
        var connectOk = Send(trace, WireDirection.ToClient, Message(PyroMessageType.ConnectOk, 0, "{'handshake':'hello'}"));
        var invoke = Send(trace, WireDirection.FromClient, Message(PyroMessageType.Invoke, 1, "('KLEIN_ROCHA','buscar',(0,),{})"));
        var result = Send(trace, WireDirection.ToClient, Message(PyroMessageType.Result, 1, "'" + new string('x', resultSize) + "'"));
        return ([.. connect, .. invoke], [.. connectOk, .. result]);
    }

    public void Close(WireConnectionTrace trace, WireCloser closer)
    {
        Time.Advance(TimeSpan.FromMilliseconds(1));
        trace.Closed(closer, "closed");
    }

    public static byte[] Message(PyroMessageType type, ushort sequence, string serpent) =>
        PyroMessageWriter.ToArray(new PyroMessage(type, PyroFlags.None, sequence, 1, PyroMessage.NoAnnotations,
            Encoding.UTF8.GetBytes("# serpent utf-8 python3.2\n" + serpent)));

    public async Task<string> ExportAsync(long? conversationId = null)
    {
        var file = Path.Combine(Path.GetTempPath(), $"agenda-{Guid.NewGuid():N}.pcapng");
        _files.Add(file);
        await using (var output = File.Create(file)) await WirePcapng.WriteAsync(output, Capture, conversationId);
        return file;
    }

    public void Dispose()
    {
        foreach (var file in _files) File.Delete(file);
    }
}
