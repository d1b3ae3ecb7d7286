using System.Net;
using System.Text;
using Agenda.Rmi.Capture;
using Agenda.Rmi.Daemon;
using Agenda.Rmi.Naming;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Agenda.Rmi.Hosting;

public static class RmiHostingExtensions
{
    /// <summary>
    /// Adds the Pyro4 transport from the <c>Rmi</c> section: the <see cref="PyroDaemons"/> singleton, the name server
    /// (<see cref="INameRegistry"/>) with its discovery responder, whatever <paramref name="serve"/> adds, and one
    /// listener per daemon. With <c>Rmi:Enabled=false</c> none of that is registered, only a registry that says the
    /// name server is not running. The app's HTTP addresses are left entirely to the web host.
    /// </summary>
    /// <param name="serve">Adds objects to serve (e.g. <c>AddAgendaObjects</c>); called only when RMI is enabled.</param>
    public static IHostApplicationBuilder AddRmi(this IHostApplicationBuilder builder, Action<RmiBuilder>? serve = null)
    {
        var section = builder.Configuration.GetSection(RmiOptions.SectionName);
        builder.Services.Configure<RmiOptions>(section); // the UI shows the settings even when RMI is off
        // The one place Rmi:Enabled is read.
        if (!(section.Get<RmiOptions>() ?? new RmiOptions()).Enabled)
        {
            builder.Services.AddSingleton<INameRegistry>(NameServerNotRunning.Instance);
            return builder;
        }

        builder.Services.AddSingleton(CreateDaemons);
        builder.Services.AddPyroNameServer(builder.Configuration);
        // Hosted services start in this order: objects are registered before the listeners accept anyone,
        // and discovery answers only once the name server listens.
        serve?.Invoke(new RmiBuilder(builder.Services));
        builder.Services.AddHostedService<PyroListeners>();
        builder.Services.AddPyroDiscovery();
        builder.Services.AddHostedService<RmiListenerLog>();
        return builder;
    }

    private static PyroDaemons CreateDaemons(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<RmiOptions>>().Value;
        var allowed = AllowedClients.Parse(options.AllowedClients);
        var daemonOptions = new PyroDaemonOptions
        {
            AllowedClients = allowed,
            HmacKey = string.IsNullOrEmpty(options.HmacKey) ? null : Encoding.UTF8.GetBytes(options.HmacKey),
            MaxMessageBytes = options.MaxMessageBytes,
            MaxConnections = options.MaxConnections,
            PartialMessageTimeout = options.PartialMessageTimeout,
            // The wire capture, when the app has one (AddWireCapture), sees every connection of both listeners.
            Observer = services.GetService<WireCapture>() is { } capture ? new WireCaptureObserver(capture) : null,
        };
        var host = AdvertisedHost(options);
        var daemons = new PyroDaemons(
            new PyroDaemon("name server", host, options.NameServerPort, daemonOptions),
            new PyroDaemon("objects", host, options.DaemonPort, daemonOptions));
        daemons.NameServer.ServeNameServer(services,
            new NameServerWritePolicy(options.NameServerWrites ?? NameServerWrites.Anyone, allowed));
        return daemons;
    }

    /// <summary>What URIs carry: the configured advertised host, else the bind address, else (bound to all interfaces) the machine name.</summary>
    public static string AdvertisedHost(RmiOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.AdvertisedHost)) return options.AdvertisedHost;
        var any = IPAddress.TryParse(options.Host, out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any));
        return any ? Dns.GetHostName() : options.Host;
    }
}
