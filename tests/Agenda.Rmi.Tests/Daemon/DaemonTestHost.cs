using System.Net;
using Agenda.Rmi.Daemon;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Agenda.Rmi.Tests.Daemon;

/// <summary>
/// One <see cref="PyroDaemon"/> behind a real Kestrel listener on a free loopback port, built from
/// <see cref="PyroDaemonOptions"/> directly (a fake clock, small limits) rather than through <c>AddRmi()</c>, with a
/// <see cref="TestObject"/> as <c>test.object</c> and the connections' log kept in <see cref="Log"/>.
/// </summary>
internal sealed class DaemonTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DaemonTestHost(WebApplication app, PyroDaemon daemon, TestObject testObject, RecordingLogger log) =>
        (_app, Daemon, TestObject, Log) = (app, daemon, testObject, log);

    public PyroDaemon Daemon { get; }
    public TestObject TestObject { get; }
    public RecordingLogger Log { get; }
    public int Port => Daemon.Port;

    public static async Task<DaemonTestHost> StartAsync(PyroDaemonOptions options)
    {
        var daemon = new PyroDaemon("test", "127.0.0.1", FreePorts.Tcp(), options);
        var testObject = new TestObject();
        daemon.Register(RmiTestHost.ObjectId, testObject);
        var log = new RecordingLogger();
        var handler = new PyroConnectionHandler(daemon, log);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, daemon.Port, listen => listen.Run(handler.OnConnectedAsync)));
        var app = builder.Build();
        await app.StartAsync();
        return new DaemonTestHost(app, daemon, testObject, log);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
