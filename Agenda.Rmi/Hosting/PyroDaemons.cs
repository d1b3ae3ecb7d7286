using Agenda.Rmi.Daemon;

namespace Agenda.Rmi.Hosting;

/// <summary>
/// The two daemons of the Agenda process (a DI singleton): the name server's (NameServerPort, serves Pyro.NameServer)
/// and the objects daemon (DaemonPort, serves the agenda objects). Register objects on them before or after start.
/// </summary>
public sealed class PyroDaemons(PyroDaemon nameServer, PyroDaemon objects)
{
    public PyroDaemon NameServer { get; } = nameServer;
    public PyroDaemon Objects { get; } = objects;
}
