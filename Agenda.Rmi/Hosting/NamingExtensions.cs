using System.Net;
using Agenda.Core.Naming;
using Agenda.Rmi.Daemon;
using Agenda.Rmi.Naming;
using Agenda.Rmi.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Agenda.Rmi.Hosting;

/// <summary>The name server's part of <c>AddRmi()</c>: its table, its object on the name-server daemon, and discovery.</summary>
internal static class NamingExtensions
{
    /// <summary>
    /// Registers the name server's table, also as the <see cref="INameRegistry"/> REST and the UI read: with PostgreSQL
    /// the <see cref="SharedNameTable"/> every instance on the database shares, with this instance's lease kept from
    /// start to stop and reported by <c>/healthz</c>; with SQLite this process's own <see cref="NameTable"/>.
    /// </summary>
    public static IServiceCollection AddPyroNameServer(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.AddSharedNames(configuration))
        {
            services.AddSingleton<SharedNameTable>();
            services.AddSingleton<INameTable>(sp => sp.GetRequiredService<SharedNameTable>());
            services.AddSingleton<INameRegistry>(sp => sp.GetRequiredService<SharedNameTable>());
            services.AddHostedService<InstanceLeaseService>();
            services.AddHealthChecks().AddCheck<NameServerLeaseHealthCheck>(NameServerLeaseHealthCheck.Name);
            return services;
        }
        services.AddSingleton<NameTable>();
        services.AddSingleton<INameTable>(sp => sp.GetRequiredService<NameTable>());
        services.AddSingleton<INameRegistry>(sp => sp.GetRequiredService<NameTable>());
        return services;
    }

    /// <summary>The UDP broadcast responder on <c>Rmi:Host</c>:<c>Rmi:BroadcastPort</c> (0 = none).</summary>
    public static IServiceCollection AddPyroDiscovery(this IServiceCollection services) =>
        services.AddSingleton<IHostedService>(CreateResponder);

    /// <summary>Puts <c>Pyro.NameServer</c> on the name-server daemon; called where the daemons are created, before any client can connect.</summary>
    public static void ServeNameServer(this PyroDaemon nameServerDaemon, IServiceProvider services, NameServerWritePolicy writes)
    {
        var selfUri = PyroUri.Parse(nameServerDaemon.UriFor(NameServer.ObjectId));
        nameServerDaemon.Register(NameServer.ObjectId, new NameServer(services.GetRequiredService<INameTable>(), selfUri, writes));
    }

    private static IHostedService CreateResponder(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<RmiOptions>>().Value;
        if (options.BroadcastPort == 0) return new NoResponder();
        var daemon = services.GetRequiredService<PyroDaemons>().NameServer;
        return new BroadcastResponder(new IPEndPoint(IPAddress.Parse(options.Host), options.BroadcastPort),
            PyroUri.Parse(daemon.UriFor(NameServer.ObjectId)), services.GetRequiredService<ILogger<BroadcastResponder>>());
    }

    private sealed class NoResponder : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
