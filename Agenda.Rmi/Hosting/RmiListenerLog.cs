using Agenda.Rmi.Daemon;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Agenda.Rmi.Hosting;

/// <summary>Says, once the listeners are up, where Pyro clients connect (and warns when URIs carry a guessed host).</summary>
internal sealed class RmiListenerLog(PyroDaemons daemons, IOptions<RmiOptions> options, IHostApplicationLifetime lifetime,
    ILogger<RmiListenerLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var rmi = options.Value;
            if (string.IsNullOrWhiteSpace(rmi.AdvertisedHost) && daemons.Objects.AdvertisedHost != rmi.Host)
                logger.LogWarning("Pyro listeners bind {Host}; URIs advertise the machine name {Advertised}. Set Rmi:AdvertisedHost to the name clients reach this host by",
                    rmi.Host, daemons.Objects.AdvertisedHost);
            foreach (var daemon in new[] { daemons.NameServer, daemons.Objects })
                logger.LogInformation("Pyro {Daemon} daemon listening on {Host}:{Port}; clients connect to {Uri} (serializers {Serializers}{Hmac})",
                    daemon.Name, rmi.Host, daemon.Port,
                    daemon.UriFor(ReferenceEquals(daemon, daemons.NameServer) ? "Pyro.NameServer" : PyroDaemon.DaemonObjectId),
                    string.Join(", ", daemon.Options.Serializers.All.Select(s => s.Name)),
                    daemon.Options.HmacKey is null ? "" : "; HMAC key required");
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
