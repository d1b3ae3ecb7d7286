using System.Text;
using Agenda.Rmi.Client;
using Agenda.Rmi.Protocol;
using Agenda.Rmi.Serialization;

namespace Agenda.Rmi.Tests.Daemon;

/// <summary>Hostile or broken peers affect only their own connection; a normal client is served correctly afterwards.</summary>
public class RobustnessTests : IAsyncLifetime
{
    private RmiTestHost _host = null!;

    public async Task InitializeAsync() => _host = await RmiTestHost.StartAsync(new() { ["Rmi:MaxMessageBytes"] = "100000" });
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
        await socket.SendAsync(RawPyroSocket.Connect(RmiTestHost.ObjectId)[..30]);

        Assert.False(await socket.IsClosedByServerAsync(TimeSpan.FromSeconds(1)));
        Assert.True(await socket.IsClosedByServerAsync(TimeSpan.FromSeconds(5)));
        await AssertNormalClientIsServed();
    }

    [Fact]
    public async Task IdleConnectionAfterTheHandshakeStaysOpen()
    {
        await using var proxy = await PyroProxy.ConnectAsync("127.0.0.1", _host.Port, RmiTestHost.ObjectId, Json);
        await Task.Delay(TimeSpan.FromSeconds(3)); // longer than the 2 s partial-message timeout of the test host

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

    private async Task AssertNormalClientIsServed()
    {
        await using var proxy = await PyroProxy.ConnectAsync("127.0.0.1", _host.Port, RmiTestHost.ObjectId, Json);
        Assert.Equal(42L, await proxy.InvokeAsync("add", [40L, 2L]));
    }
}
