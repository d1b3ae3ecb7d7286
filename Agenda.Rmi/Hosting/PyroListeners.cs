using System.Net;
using Agenda.Rmi.Daemon;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Agenda.Rmi.Hosting;

/// <summary>
/// The two Pyro listeners, each on a Kestrel server of its own rather than as endpoints of the app's HTTP server:
/// endpoints added in code would make that server ignore <c>Urls</c> (with an "Overriding address(es)" warning) and
/// log the Pyro ports as <c>http://</c> addresses. Kestrel still brings connection handling, limits and a graceful
/// stop that asks each Pyro connection to close.
/// </summary>
internal sealed class PyroListeners(PyroDaemons daemons, IOptions<RmiOptions> options, ILoggerFactory loggers,
    IServiceProvider services) : IHostedService, IDisposable
{
    private readonly List<KestrelServer> _servers = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var address = IPAddress.Parse(options.Value.Host);
        foreach (var (daemon, portKey) in new[] { (daemons.NameServer, "Rmi:NameServerPort"), (daemons.Objects, "Rmi:DaemonPort") })
        {
            var server = CreateServer(daemon, address);
            _servers.Add(server);
            try { await server.StartAsync(NoHttp.Application, cancellationToken); }
            catch (IOException e)
            {
                Dispose(); // the listener already started must not outlive a failed start
                // Kestrel's own message names an http:// address; say which Pyro setting to change instead.
                throw new IOException($"The Pyro {daemon.Name} daemon cannot listen on {address}:{daemon.Port} ({portKey}): {(e.InnerException ?? e).Message}", e);
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(_servers.Select(s => s.StopAsync(cancellationToken)));

    public void Dispose()
    {
        foreach (var server in _servers) server.Dispose();
    }

    private KestrelServer CreateServer(PyroDaemon daemon, IPAddress address)
    {
        var kestrel = new KestrelServerOptions { ApplicationServices = services };
        var handler = new PyroConnectionHandler(daemon, loggers.CreateLogger<PyroConnectionHandler>());
        kestrel.Listen(address, daemon.Port, listen => listen.Run(handler.OnConnectedAsync));
        var sockets = new SocketTransportFactory(Options.Create(new SocketTransportOptions()), loggers);
        return new KestrelServer(Options.Create(kestrel), sockets, loggers);
    }

    /// <summary>Kestrel starts with an HTTP application, but every Pyro connection ends in its handler and never reaches it.</summary>
    private sealed class NoHttp : IHttpApplication<object>
    {
        public static readonly NoHttp Application = new();

        public object CreateContext(IFeatureCollection contextFeatures) => throw new NotSupportedException("Pyro listeners serve no HTTP.");
        public Task ProcessRequestAsync(object context) => throw new NotSupportedException("Pyro listeners serve no HTTP.");
        public void DisposeContext(object context, Exception? exception) { }
    }
}
