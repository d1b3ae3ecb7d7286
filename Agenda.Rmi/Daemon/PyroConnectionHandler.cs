using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace Agenda.Rmi.Daemon;

/// <summary>
/// Kestrel connection handler for one daemon's listener: each accepted TCP connection becomes a
/// <see cref="PyroConnection"/> loop. Nothing a peer sends can escape this method as an exception.
/// </summary>
public sealed class PyroConnectionHandler(PyroDaemon daemon, ILogger<PyroConnectionHandler> logger) : ConnectionHandler
{
    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        var admitted = daemon.TryEnterConnection();
        try
        {
            if (!admitted) logger.LogWarning("Pyro {Daemon}: refusing {Peer}, {Max} connections already open", daemon.Name, connection.RemoteEndPoint, daemon.Options.MaxConnections);
            await new PyroConnection(daemon, connection, logger).RunAsync(admitted);
        }
        catch (Exception e) when (e is IOException)
        {
            // Peers that reset the connection are routine (killed clients, scanners); not a server fault.
            logger.LogDebug(e, "Pyro {Daemon}: connection {Peer} reset", daemon.Name, connection.RemoteEndPoint);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Pyro {Daemon}: connection {Peer} failed", daemon.Name, connection.RemoteEndPoint);
        }
        catch (OperationCanceledException)
        {
            // The connection or the host is shutting down.
        }
        finally
        {
            if (admitted) daemon.LeaveConnection();
        }
    }
}
