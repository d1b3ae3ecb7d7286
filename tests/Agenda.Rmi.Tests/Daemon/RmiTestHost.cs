using Agenda.Rmi.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Agenda.Rmi.Tests.Daemon;

/// <summary>
/// A real host with <c>AddRmi()</c> on free loopback ports (HTTP too, to prove Urls still work) and a
/// <see cref="TestObject"/> registered as <c>test.object</c> on the objects daemon.
/// </summary>
internal sealed class RmiTestHost : IAsyncDisposable
{
    public const string ObjectId = "test.object";

    private readonly WebApplication _app;

    private RmiTestHost(WebApplication app, int httpPort, PyroDaemons daemons, TestObject testObject) =>
        (_app, HttpPort, Daemons, TestObject) = (app, httpPort, daemons, testObject);

    public int HttpPort { get; }
    public PyroDaemons Daemons { get; }
    public TestObject TestObject { get; }
    public int Port => Daemons.Objects.Port;
    public string Uri => Daemons.Objects.UriFor(ObjectId);

    public static async Task<RmiTestHost> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var httpPort = FreePorts.Tcp();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = $"http://127.0.0.1:{httpPort}",
            ["Rmi:NameServerPort"] = FreePorts.Tcp().ToString(),
            ["Rmi:DaemonPort"] = FreePorts.Tcp().ToString(),
            ["Rmi:BroadcastPort"] = "0",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.AddRmi();
        var app = builder.Build();
        app.MapGet("/", () => "http ok");
        await app.StartAsync();

        var daemons = app.Services.GetRequiredService<PyroDaemons>();
        var testObject = new TestObject();
        daemons.Objects.Register(ObjectId, testObject);
        return new RmiTestHost(app, httpPort, daemons, testObject);
    }

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
