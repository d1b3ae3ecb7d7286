using Agenda.Rmi.Client;
using Agenda.Rmi.Serialization;

namespace Agenda.Rmi.Tests.Daemon;

public class ConnectionLimitTests
{
    [Fact]
    public async Task ConnectionOverTheLimitIsRefusedAndAFreedSlotIsReused()
    {
        await using var host = await RmiTestHost.StartAsync(new() { ["Rmi:MaxConnections"] = "2" });
        var options = new PyroProxyOptions { Serializer = JsonPyroSerializer.Instance, Timeout = TimeSpan.FromSeconds(10) };
        var first = await PyroProxy.ConnectAsync("127.0.0.1", host.Port, RmiTestHost.ObjectId, options);
        await using var second = await PyroProxy.ConnectAsync("127.0.0.1", host.Port, RmiTestHost.ObjectId, options);

        var refused = await Assert.ThrowsAsync<PyroCommunicationException>(
            () => PyroProxy.ConnectAsync("127.0.0.1", host.Port, RmiTestHost.ObjectId, options));
        Assert.Equal("connection rejected: no free workers, increase server threadpool size", refused.Message);

        await first.DisposeAsync();
        await Eventually.TrueAsync(() => host.Daemons.Objects.ConnectionCount == 1, "the first connection's slot is free");
        await using var third = await PyroProxy.ConnectAsync("127.0.0.1", host.Port, RmiTestHost.ObjectId, options);
        Assert.Equal("ok", await third.InvokeAsync("echo", ["ok"]));
    }
}
