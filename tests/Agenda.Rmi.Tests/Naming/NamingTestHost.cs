using Agenda.Rmi.Hosting;
using Agenda.Rmi.Naming;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Agenda.Rmi.Tests.Naming;

/// <summary>A real host built with <c>AddRmi()</c> on free loopback ports, name server and broadcast responder included.</summary>
public sealed class NamingTestHost : IAsyncLifetime
{
    private WebApplication? _app;

    public int NameServerPort { get; } = FreePorts.Tcp();
    public int BroadcastPort { get; } = FreePorts.Udp();
    public INameRegistry Registry => _app!.Services.GetRequiredService<INameRegistry>();
    public string NameServerUri => $"PYRO:Pyro.NameServer@127.0.0.1:{NameServerPort}";

    /// <summary>Environment for Python clients: our name server for locateNS(), discovery kept on loopback, a serializer.</summary>
    public Dictionary<string, string> PythonEnvironment(string serializer = "serpent") => new()
    {
        ["PYRO_NS_HOST"] = "127.0.0.1",
        ["PYRO_NS_PORT"] = NameServerPort.ToString(),
        ["PYRO_NS_BCPORT"] = BroadcastPort.ToString(),
        ["PYRO_BROADCAST_ADDRS"] = "127.0.0.1",
        ["PYRO_COMMTIMEOUT"] = "10",
        ["PYRO_SERIALIZER"] = serializer,
    };

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = $"http://127.0.0.1:{FreePorts.Tcp()}",
            ["Rmi:NameServerPort"] = NameServerPort.ToString(),
            ["Rmi:DaemonPort"] = FreePorts.Tcp().ToString(),
            ["Rmi:BroadcastPort"] = BroadcastPort.ToString(),
        });
        builder.AddRmi();
        _app = builder.Build();
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
