using System.Net;
using Agenda.Rmi.Daemon;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.Naming;

/// <summary>Who may change the name server's table (<c>Rmi:NameServerWrites</c>): register, remove, set_metadata.</summary>
public enum NameServerWrites
{
    /// <summary>Every client that got through the handshake, as in Pyro4's own name server.</summary>
    Anyone,

    /// <summary>Clients on this machine (loopback) and clients in <c>Rmi:AllowedClients</c>; reads stay open to all.</summary>
    LoopbackAndAllowed,
}

/// <summary>
/// Applies <see cref="NameServerWrites"/> to one call. A refused write raises <c>Pyro4.errors.NamingError</c>, which
/// a Python client re-raises as it does the name server's other refusals.
/// </summary>
public sealed class NameServerWritePolicy(NameServerWrites writes, AllowedClients allowed)
{
    public static readonly NameServerWritePolicy Anyone = new(NameServerWrites.Anyone, AllowedClients.Everyone);

    public NameServerWrites Writes { get; } = writes;

    /// <summary>Throws the NamingError when <paramref name="context"/>'s peer may not write.</summary>
    public void Demand(string method, RemoteCallContext context)
    {
        if (Writes == NameServerWrites.Anyone) return;
        var client = (context.Peer as IPEndPoint)?.Address;
        if (client is not null && MayWrite(client)) return;
        throw PyException.NamingError(
            $"{method} refused: client {(client is null ? "(address unknown)" : AllowedClients.Plain(client))} may not change the name server " +
            "(Rmi:NameServerWrites is LoopbackAndAllowed; only loopback clients and Rmi:AllowedClients may)");
    }

    // An empty allowed list means "everyone may connect", not "everyone may write": only loopback then.
    private bool MayWrite(IPAddress client)
    {
        var plain = AllowedClients.Plain(client);
        return IPAddress.IsLoopback(plain) || (!allowed.IsEveryone && allowed.Allows(plain));
    }
}
