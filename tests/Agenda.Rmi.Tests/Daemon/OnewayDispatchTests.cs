using Agenda.Rmi.Client;
using Agenda.Rmi.Daemon;
using Microsoft.Extensions.Logging;

namespace Agenda.Rmi.Tests.Daemon;

/// <summary>Oneway INVOKEs through a real connection: every one runs, failures are logged, only a few run at once.</summary>
public class OnewayDispatchTests : IAsyncLifetime
{
    private const int Limit = 3;
    private readonly OnewayProbe _probe = new();
    private DaemonTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await DaemonTestHost.StartAsync(new PyroDaemonOptions { MaxOnewayCallsPerConnection = Limit });
        _host.Daemon.Register(OnewayProbe.ObjectId, _probe);
    }

    public async Task DisposeAsync()
    {
        _probe.OpenGate();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task OnewayCallThatThrowsIsLoggedAndTheConnectionKeepsServing()
    {
        await using var proxy = await ConnectAsync();

        Assert.Null(await proxy.InvokeAsync("explode"));

        await Eventually.TrueAsync(() => _host.Log.Entries.Any(e =>
            e is { Level: LogLevel.Warning, Exception: InvalidOperationException { Message: "boom" } } &&
            e.Message == "Pyro oneway call explode on oneway.probe failed"), "the failure is logged");
        Assert.Equal("still here", await proxy.InvokeAsync("echo", ["still here"]));
    }

    [Fact]
    public async Task OnewayCallsSentBackToBackAllRunWithoutWaitingForAnotherMessage()
    {
        await using var proxy = await PyroProxy.ConnectAsync("127.0.0.1", _host.Port, RmiTestHost.ObjectId);

        foreach (var value in new[] { "a", "b", "c" }) await proxy.InvokeAsync("record", [value]);

        await Eventually.TrueAsync(() => _host.TestObject.Recorded.Count == 3, "all three calls have run");
        Assert.Equal(["a", "b", "c"], _host.TestObject.Recorded.Order());
    }

    [Fact]
    public async Task FloodOfOnewayCallsNeverRunsMoreThanTheLimitAtOnce()
    {
        const int calls = 20;
        await using var flooding = await ConnectAsync();
        for (var i = 0; i < calls; i++) await flooding.InvokeAsync("hold");
        await Eventually.TrueAsync(() => _probe.Running >= Limit, "the first calls are running");

        // The flooding connection waits for a slot; the daemon still serves everyone else.
        await using (var other = await ConnectAsync()) Assert.Equal(1L, await other.InvokeAsync("echo", [1L]));
        _probe.OpenGate();

        await Eventually.TrueAsync(() => _probe.Finished == calls, "every call has run");
        Assert.Equal(Limit, _probe.MostAtOnce);
        Assert.Equal(2L, await flooding.InvokeAsync("echo", [2L]));
    }

    private Task<PyroProxy> ConnectAsync() =>
        PyroProxy.ConnectAsync("127.0.0.1", _host.Port, OnewayProbe.ObjectId, new PyroProxyOptions { Timeout = TimeSpan.FromSeconds(10) });
}
