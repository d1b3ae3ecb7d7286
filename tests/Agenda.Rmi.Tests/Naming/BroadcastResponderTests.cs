using System.Net;
using System.Net.Sockets;
using System.Text;
using Agenda.Rmi.Naming;
using Agenda.Rmi.Protocol;
using Microsoft.Extensions.Logging.Abstractions;

namespace Agenda.Rmi.Tests.Naming;

public sealed class BroadcastResponderTests : IAsyncLifetime
{
    private static readonly PyroUri NameServerUri = PyroUri.ForObject("Pyro.NameServer", "127.0.0.1", 45678);
    private readonly BroadcastResponder _responder =
        new(new IPEndPoint(IPAddress.Loopback, 0), NameServerUri, NullLogger<BroadcastResponder>.Instance);
    private readonly UdpClient _client = new(new IPEndPoint(IPAddress.Loopback, 0));

    public Task InitializeAsync() => _responder.StartAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _responder.StopAsync(CancellationToken.None);
        _responder.Dispose();
        _client.Dispose();
    }

    private async Task<string> Ask(string request)
    {
        await _client.SendAsync(Encoding.ASCII.GetBytes(request), _responder.LocalEndPoint!);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var reply = await _client.ReceiveAsync(timeout.Token);
        return Encoding.Latin1.GetString(reply.Buffer);
    }

    [Fact]
    public async Task GetNsUriIsAnsweredWithTheNameServerUri() =>
        Assert.Equal("PYRO:Pyro.NameServer@127.0.0.1:45678", await Ask("GET_NSURI"));

    [Fact]
    public async Task AnythingButTheExactRequestIsIgnored()
    {
        foreach (var junk in new[] { "GET_NSURI\n", "get_nsuri", "", new string('x', 300) })
            await _client.SendAsync(Encoding.ASCII.GetBytes(junk), _responder.LocalEndPoint!);
        Assert.Equal(NameServerUri.ToString(), await Ask("GET_NSURI"));
        // Replies come in request order, so a reply to any junk datagram would already be waiting here.
        Assert.Equal(NameServerUri.ToString(), await Ask("GET_NSURI"));
        Assert.Equal(0, _client.Available);
    }

    [Fact]
    public async Task PyroLocateNsFindsUsByBroadcast()
    {
        var result = await NamingPython.Script("locate_ns.py", new Dictionary<string, string>
        {
            ["PYRO_BROADCAST_ADDRS"] = "127.0.0.1",
            ["PYRO_NS_BCPORT"] = _responder.LocalEndPoint!.Port.ToString(),
            ["PYRO_NS_PORT"] = FreePorts.Tcp().ToString(), // nothing listens there, so the direct try fails first
        });
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("PYRO:Pyro.NameServer@127.0.0.1:45678", result.Output.Trim());
    }
}

public class BroadcastResponderStartupTests
{
    [Fact]
    public async Task AnAllInterfacesUriIsAnsweredWithTheAddressThatRoutesToTheRequester()
    {
        var responder = new BroadcastResponder(new IPEndPoint(IPAddress.Loopback, 0),
            PyroUri.ForObject("Pyro.NameServer", "0.0.0.0", 45678), NullLogger<BroadcastResponder>.Instance);
        await responder.StartAsync(CancellationToken.None);
        try
        {
            using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            await client.SendAsync("GET_NSURI"u8.ToArray(), responder.LocalEndPoint!);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var reply = await client.ReceiveAsync(timeout.Token);
            Assert.Equal("PYRO:Pyro.NameServer@127.0.0.1:45678", Encoding.Latin1.GetString(reply.Buffer));
        }
        finally
        {
            await responder.StopAsync(CancellationToken.None);
            responder.Dispose();
        }
    }

    [Fact]
    public async Task ATakenPortTurnsDiscoveryOffWithoutFailingTheHost()
    {
        using var occupant = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var taken = (IPEndPoint)occupant.Client.LocalEndPoint!;
        using var responder = new BroadcastResponder(taken, PyroUri.ForObject("Pyro.NameServer", "127.0.0.1", 1),
            NullLogger<BroadcastResponder>.Instance);
        await responder.StartAsync(CancellationToken.None);
        Assert.Null(responder.LocalEndPoint);
        await responder.StopAsync(CancellationToken.None);
    }
}
