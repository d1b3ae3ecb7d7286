using System.Net;
using System.Text;
using Agenda.Rmi.Daemon;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Agenda.Rmi.Hosting;

public static class RmiHostingExtensions
{
    /// <summary>
    /// Adds the Pyro4 transport: <see cref="RmiOptions"/> from the <c>Rmi</c> section, the <see cref="PyroDaemons"/>
    /// singleton, and one Kestrel listener per daemon (so Pyro shares the app's lifetime, logging and limits).
    /// The app's HTTP addresses from <c>Urls</c>/<c>--urls</c> keep working beside them.
    /// </summary>
    public static WebApplicationBuilder AddRmi(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RmiOptions>(builder.Configuration.GetSection(RmiOptions.SectionName));
        builder.Services.AddSingleton(CreateDaemons);
        builder.Services.AddHostedService<RmiListenerLog>();
        builder.Services.AddPyroNaming(); // name table (INameRegistry), broadcast responder

        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var options = kestrel.ApplicationServices.GetRequiredService<IOptions<RmiOptions>>().Value;
            if (!options.Enabled) return;
            // Endpoints configured in code make Kestrel ignore Urls, so the HTTP addresses are bound here explicitly too.
            KestrelUrls.ListenOnConfiguredUrls(kestrel, context.Configuration);

            var daemons = kestrel.ApplicationServices.GetRequiredService<PyroDaemons>();
            var loggers = kestrel.ApplicationServices.GetRequiredService<ILoggerFactory>();
            var address = IPAddress.Parse(options.Host);
            foreach (var daemon in new[] { daemons.NameServer, daemons.Objects })
            {
                var handler = new PyroConnectionHandler(daemon, loggers.CreateLogger<PyroConnectionHandler>());
                kestrel.Listen(address, daemon.Port, listen => listen.Run(handler.OnConnectedAsync));
            }
        });
        return builder;
    }

    private static PyroDaemons CreateDaemons(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<RmiOptions>>().Value;
        var daemonOptions = new PyroDaemonOptions
        {
            HmacKey = string.IsNullOrEmpty(options.HmacKey) ? null : Encoding.UTF8.GetBytes(options.HmacKey),
            MaxMessageBytes = options.MaxMessageBytes,
            MaxConnections = options.MaxConnections,
            PartialMessageTimeout = options.PartialMessageTimeout,
        };
        var host = AdvertisedHost(options);
        var daemons = new PyroDaemons(
            new PyroDaemon("name server", host, options.NameServerPort, daemonOptions),
            new PyroDaemon("objects", host, options.DaemonPort, daemonOptions));
        daemons.NameServer.ServeNameServer(services);
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
