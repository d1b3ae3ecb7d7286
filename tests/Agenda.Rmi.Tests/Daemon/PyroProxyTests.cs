using System.Net;
using System.Net.Sockets;
using System.Text;
using Agenda.Rmi.Client;
using Agenda.Rmi.Daemon;
using Agenda.Rmi.Naming;
using Agenda.Rmi.Protocol;
using Agenda.Rmi.Serialization;

namespace Agenda.Rmi.Tests.Daemon;

/// <summary>The C# client against the daemon (serpent, its default serializer, unless a test says otherwise).</summary>
public class PyroProxyTests : IAsyncLifetime
{
    private RmiTestHost _host = null!;

    public async Task InitializeAsync() => _host = await RmiTestHost.StartAsync();
    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<PyroProxy> Connect(PyroProxyOptions? options = null) =>
        PyroProxy.ConnectAsync("127.0.0.1", _host.Port, RmiTestHost.ObjectId, options ?? new() { Timeout = TimeSpan.FromSeconds(10) });

    [Fact]
    public async Task ProxyReadsTheObjectsMetadataAtConnect()
    {
        await using var proxy = await Connect();

        Assert.Equal("serpent", proxy.Options.Serializer.Name);
        Assert.Contains("echo", proxy.Methods);
        Assert.Equal(["record"], proxy.Oneway);
        Assert.Equal(["counter", "label"], proxy.Attributes.Order());
    }

    [Fact]
    public async Task PositionalAndKeywordArgumentsBind()
    {
        await using var proxy = await Connect();

        Assert.Equal(11L, await proxy.InvokeAsync("add", [1L]));
        Assert.Equal(7L, await proxy.InvokeAsync("add", [2L], new Dictionary<object, object?> { ["b"] = 5L }));
    }

    [Fact]
    public async Task RemoteErrorArrivesWithItsPythonClassAndTraceback()
    {
        await using var proxy = await Connect();

        var error = await Assert.ThrowsAsync<PyroRemoteException>(() => proxy.InvokeAsync("fail", ["key"]));
        Assert.Equal("builtins.KeyError", error.PythonClass);
        Assert.Equal(["no such key: 42"], error.PythonArgs);
        Assert.Equal("KeyError: no such key: 42\n", error.RemoteTraceback[^1]);
        Assert.Equal("ok", await proxy.InvokeAsync("echo", ["ok"])); // the connection survives
    }

    [Fact]
    public async Task AttributesAreReadAndWritten()
    {
        await using var proxy = await Connect();

        await proxy.SetAttributeAsync("counter", 9L);
        Assert.Equal(9L, await proxy.GetAttributeAsync("counter"));
        var error = await Assert.ThrowsAsync<PyroRemoteException>(() => proxy.SetAttributeAsync("label", "x"));
        Assert.Equal("builtins.AttributeError", error.PythonClass);
    }

    [Fact]
    public async Task OnewayCallReturnsNothingAndStillRuns()
    {
        await using var proxy = await Connect();

        Assert.Null(await proxy.InvokeAsync("record", ["from c#"]));
        // The daemon runs a oneway call apart from the connection: wait for the object's signal, not for time.
        Assert.True(await _host.TestObject.RecordedSignal.WaitAsync(TimeSpan.FromSeconds(10)), "the oneway call never ran");
        Assert.Equal(["from c#"], _host.TestObject.Recorded);
    }

    [Fact]
    public async Task UnknownObjectIsRejectedAtConnect()
    {
        var error = await Assert.ThrowsAsync<PyroCommunicationException>(
            () => PyroProxy.ConnectAsync("127.0.0.1", _host.Port, "nope", new() { Timeout = TimeSpan.FromSeconds(10) }));

        Assert.Equal("connection rejected: unknown object", error.Message);
    }

    [Fact]
    public async Task NothingListeningIsACommunicationErrorWithTheSocketErrorInside()
    {
        var error = await Assert.ThrowsAsync<PyroCommunicationException>(
            () => PyroProxy.ConnectAsync("127.0.0.1", FreePorts.Tcp(), "nobody", new() { Timeout = TimeSpan.FromSeconds(10) }));

        Assert.IsType<SocketException>(error.InnerException);
    }

    [Fact]
    public async Task AServerThatNeverAnswersTheHandshakeIsATimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0); // accepts at the TCP level, never speaks Pyro
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => PyroProxy.ConnectAsync("127.0.0.1", port, "silent", new() { Timeout = TimeSpan.FromMilliseconds(300) }));

        Assert.Contains("timed out after 0.3 s", error.Message);
    }

    [Fact]
    public async Task ACallPastTheTimeoutThrowsAndClosesTheConnectionSoALateReplyIsNeverRead()
    {
        var release = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Daemons.Objects.Register("test.stalled", new StalledObject(release.Task));
        await using var proxy = await PyroProxy.ConnectAsync("127.0.0.1", _host.Port, "test.stalled", new() { Timeout = TimeSpan.FromSeconds(2) });

        await Assert.ThrowsAsync<TimeoutException>(() => proxy.InvokeAsync("wait"));
        release.SetResult("late reply");

        var closed = await Assert.ThrowsAsync<PyroCommunicationException>(() => proxy.InvokeAsync("wait"));
        Assert.Contains("was closed after: calling test.stalled.wait timed out after 2 s", closed.Message);
    }

    /// <summary>An object whose one method answers only when the test releases it.</summary>
    private sealed class StalledObject(Task<object?> release) : IRemoteObject
    {
        public string TypeName => "Stalled";
        public IReadOnlyDictionary<string, RemoteMethod> Methods { get; } =
            RemoteTable.Of(new RemoteMethod("wait", [], async (_, _) => await release));
        public IReadOnlyDictionary<string, RemoteAttribute> Attributes => RemoteTable.NoAttributes;
    }

    [Fact]
    public async Task JsonWithCompressionCarriesLargeValues()
    {
        await using var proxy = await Connect(new() { Serializer = JsonPyroSerializer.Instance, Compression = true, Timeout = TimeSpan.FromSeconds(10) });
        var big = string.Concat(Enumerable.Repeat("agenda ", 20_000));

        Assert.Equal(big, await proxy.InvokeAsync("echo", [big]));
    }

    [Fact]
    public async Task PyronameUriIsResolvedThroughTheNameServer()
    {
        var nameServerDaemon = _host.Daemons.NameServer;
        nameServerDaemon.Register(NameServer.ObjectId,
            new NameServer(new NameTable(), PyroUri.ForObject(NameServer.ObjectId, "127.0.0.1", nameServerDaemon.Port)));
        await using (var ns = await NameServerProxy.ConnectAsync("127.0.0.1", nameServerDaemon.Port))
            await ns.RegisterAsync("test.name", PyroUri.Parse(_host.Uri));

        await using var proxy = await NameServerProxy.OpenAsync($"PYRONAME:test.name@127.0.0.1:{nameServerDaemon.Port}");

        Assert.Equal("found", await proxy.InvokeAsync("echo", ["found"]));
    }
}

public class PyroProxyHmacTests
{
    [Fact]
    public async Task SameKeyIsServedAndAWrongKeyIsRefused()
    {
        await using var host = await RmiTestHost.StartAsync(new() { ["Rmi:HmacKey"] = "k3y" });
        var right = new PyroProxyOptions { HmacKey = Encoding.UTF8.GetBytes("k3y"), Timeout = TimeSpan.FromSeconds(10) };
        var wrong = right with { HmacKey = Encoding.UTF8.GetBytes("nope") };

        await using (var proxy = await PyroProxy.ConnectAsync("127.0.0.1", host.Port, RmiTestHost.ObjectId, right))
            Assert.Equal(3L, await proxy.InvokeAsync("add", [1L, 2L]));
        // The server refuses with a CONNECTFAIL signed with its key, which the client's own check already rejects.
        var error = await Assert.ThrowsAsync<PyroSecurityException>(() => PyroProxy.ConnectAsync("127.0.0.1", host.Port, RmiTestHost.ObjectId, wrong));
        Assert.Equal("message hmac mismatch", error.Message);
    }
}
