using System.Text;
using Agenda.Rmi.Client;
using Agenda.Rmi.Daemon;
using Agenda.Rmi.Protocol;
using Agenda.Rmi.Serialization;

namespace Agenda.Rmi.Tests.Daemon;

/// <summary>Hostile or broken peers affect only their own connection; a normal client is served correctly afterwards.</summary>
public class RobustnessTests : IAsyncLifetime
{
    private static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(30);
    private readonly CountingFakeTime _time = new();
    private DaemonTestHost _host = null!;

    public async Task InitializeAsync() => _host = await DaemonTestHost.StartAsync(
        new PyroDaemonOptions { MaxMessageBytes = 100000, PartialMessageTimeout = StallTimeout, Time = _time });
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RandomBytesGetConnectFailAndClose()
    {
        using var socket = await RawPyroSocket.ConnectAsync(_host.Port);
        var garbage = new byte[500];
        new Random(7).NextBytes(garbage);
        await socket.SendAsync(garbage);

        var reply = await socket.ReceiveAsync();
        Assert.Equal(PyroMessageType.ConnectFail, reply?.Type);
        Assert.Equal("invalid data or unsupported protocol version", JsonPyroSerializer.Instance.Deserialize(reply!.Value.Data.Span));
        Assert.True(await socket.IsClosedByServerAsync(TimeSpan.FromSeconds(5)));
        await AssertNormalClientIsServed();
    }

    [Fact]
    public async Task BadChecksumGetsConnectFailNamingIt()
    {
        using var socket = await RawPyroSocket.ConnectAsync(_host.Port);
        var connect = RawPyroSocket.Connect(RmiTestHost.ObjectId);
        connect[23] ^= 0x40;
        await socket.SendAsync(connect);

        var reply = await socket.ReceiveAsync();
        Assert.Equal("header checksum mismatch", JsonPyroSerializer.Instance.Deserialize(reply!.Value.Data.Span));
        await AssertNormalClientIsServed();
    }

    [Fact]
    public async Task DeclaredSizeOverTheLimitIsRefusedWithoutSendingTheBody()
    {
        using var socket = await RawPyroSocket.ConnectAsync(_host.Port);
        var header = PyroMessageWriter.ToArray(new PyroMessage(PyroMessageType.Connect, 0, 0, 2, PyroMessage.NoAnnotations, new byte[200_000]))[..24];
        await socket.SendAsync(header);

        var reply = await socket.ReceiveAsync();
        Assert.Equal("max message size exceeded (200000 where max=100000)", JsonPyroSerializer.Instance.Deserialize(reply!.Value.Data.Span));
        await AssertNormalClientIsServed();
    }

    [Fact]
    public async Task TruncatedMessageThatStallsIsDroppedAfterTheTimeout()
    {
        using var socket = await RawPyroSocket.ConnectAsync(_host.Port);
        await SendTruncatedConnectAsync(socket, RawPyroSocket.Connect(RmiTestHost.ObjectId));

        _time.Advance(StallTimeout);

        Assert.True(await socket.IsClosedByServerAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains(_host.Log.Entries, e => e.Message.EndsWith($"dropped: a message stalled for more than {StallTimeout}"));
        await AssertNormalClientIsServed();
    }

    [Fact]
    public async Task TruncatedMessageCompletedJustBeforeTheTimeoutIsServed()
    {
        using var socket = await RawPyroSocket.ConnectAsync(_host.Port);
        var connect = RawPyroSocket.Connect(RmiTestHost.ObjectId);
        await SendTruncatedConnectAsync(socket, connect);

        _time.Advance(StallTimeout - TimeSpan.FromTicks(1));
        await socket.SendAsync(connect[30..]);

        Assert.Equal(PyroMessageType.ConnectOk, (await socket.ReceiveAsync())?.Type);
    }

    [Fact]
    public async Task IdleConnectionAfterTheHandshakeStaysOpen()
    {
        await using var proxy = await PyroProxy.ConnectAsync("127.0.0.1", _host.Port, RmiTestHost.ObjectId, Json);
        Assert.Equal("idle from now", await proxy.InvokeAsync("echo", ["idle from now"]));

        _time.Advance(StallTimeout * 10);

        Assert.Equal("still here", await proxy.InvokeAsync("echo", ["still here"]));
    }

    [Fact]
    public async Task GarbageAfterTheHandshakeClosesWithoutReply()
    {
        using var socket = await RawPyroSocket.ConnectAsync(_host.Port);
        await socket.SendAsync(RawPyroSocket.Connect(RmiTestHost.ObjectId));
        Assert.Equal(PyroMessageType.ConnectOk, (await socket.ReceiveAsync())?.Type);

        await socket.SendAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
        Assert.Null(await socket.ReceiveAsync());
        await AssertNormalClientIsServed();
    }

    [Fact]
    public async Task FiveHundredConnectionsAtOnceLeaveNormalClientsServed()
    {
        var sockets = await Task.WhenAll(Enumerable.Range(0, 500).Select(_ => RawPyroSocket.ConnectAsync(_host.Port)));
        try
        {
            await Task.WhenAll(sockets.Take(250).Select(s => s.SendAsync(RawPyroSocket.Connect(RmiTestHost.ObjectId))));
            var replies = await Task.WhenAll(sockets.Take(250).Select(s => s.ReceiveAsync()));

            Assert.All(replies, r => Assert.Equal(PyroMessageType.ConnectOk, r?.Type));
            await AssertNormalClientIsServed();
        }
        finally
        {
            foreach (var socket in sockets) socket.Dispose();
        }
    }

    private static readonly PyroProxyOptions Json = new() { Serializer = JsonPyroSerializer.Instance, Timeout = TimeSpan.FromSeconds(10) };

    // Sends the CONNECT's header and a few bytes more, then waits until the daemon has armed the stall timer for the
    // rest (the first timer guards the wait for any CONNECT, the second the truncated one), so moving the clock counts.
    private async Task SendTruncatedConnectAsync(RawPyroSocket socket, byte[] connect)
    {
        await socket.SendAsync(connect[..30]);
        await Eventually.TrueAsync(() => _time.TimersCreated >= 2, "the daemon waits for the rest of the message");
    }

    private async Task AssertNormalClientIsServed()
    {
        await using var proxy = await PyroProxy.ConnectAsync("127.0.0.1", _host.Port, RmiTestHost.ObjectId, Json);
        Assert.Equal(42L, await proxy.InvokeAsync("add", [40L, 2L]));
    }
}
