using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Agenda.Rmi.Client;

namespace Agenda.Rmi.Tests.Daemon;

public class HostLifetimeTests
{
    [Fact]
    public async Task StoppingTheHostClosesIdlePyroConnectionsInsteadOfWaitingForThem()
    {
        var host = await RmiTestHost.StartAsync();
        await using var proxy = await PyroProxy.ConnectAsync("127.0.0.1", host.Port, RmiTestHost.ObjectId);
        Assert.Equal(1L, await proxy.InvokeAsync("echo", [1L]));

        // Kestrel would wait its whole shutdown timeout (30 s) for a connection handler that ignores the close request.
        var clock = Stopwatch.StartNew();
        await host.StopAsync();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"stop took {clock.Elapsed}");
        await Assert.ThrowsAnyAsync<Exception>(() => proxy.InvokeAsync("echo", [2L]));
        await host.DisposeAsync();
    }

    [Fact]
    public async Task APyroPortInUseStopsStartupWithAnErrorNamingItsSetting()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<IOException>(() => RmiTestHost.StartAsync(new() { ["Rmi:DaemonPort"] = port.ToString() }));

        Assert.StartsWith($"The Pyro objects daemon cannot listen on 127.0.0.1:{port} (Rmi:DaemonPort): ", error.Message);
    }

    [Fact]
    public async Task AStoppedHostAcceptsNoMorePyroConnections()
    {
        var host = await RmiTestHost.StartAsync();
        var port = host.Port;
        await host.StopAsync();

        await Assert.ThrowsAsync<SocketException>(async () =>
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
        });
        await host.DisposeAsync();
    }
}
