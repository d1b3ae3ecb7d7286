using System.Diagnostics;
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
}
