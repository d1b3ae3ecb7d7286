using Agenda.Core.Storage;
using Agenda.Rmi.AgendaObjects;
using Agenda.Rmi.Daemon;
using Agenda.Rmi.Naming;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Agenda.Rmi.Hosting;

public static class AgendaObjectsExtensions
{
    /// <summary>Serves <c>KLEIN_ROCHA</c> and <c>agenda.contacts</c> over the shared store while the host runs.</summary>
    public static RmiBuilder AddAgendaObjects(this RmiBuilder rmi)
    {
        rmi.Services.AddHostedService<AgendaObjectsRegistration>();
        return rmi;
    }
}

/// <summary>
/// At startup puts the agenda objects on the objects daemon and names them in the name server (a shared one names
/// them per instance too: see <see cref="SharedNameTable"/>); at shutdown takes them out again, so a name server that
/// outlives us never hands out a dead URI.
/// </summary>
internal sealed class AgendaObjectsRegistration(
    PyroDaemons daemons, INameTable names, IContactStore store, ILogger<AgendaObjectsRegistration> logger) : IHostedService
{
    // PYROMETA:agenda finds the English object; KLEIN_ROCHA keeps the original agenda's bare registration.
    private readonly (string Name, IRemoteObject Object, string[] Metadata)[] _objects =
    [
        (OriginalAgendaObject.ObjectName, new OriginalAgendaObject(store), []),
        (ContactsObject.ObjectName, new ContactsObject(store, daemons.Objects.Options.MaxMessageBytes), ["agenda"]),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (name, remoteObject, metadata) in _objects)
        {
            var uri = daemons.Objects.Register(name, remoteObject);
            await names.PublishAsync(new NameRegistration(name, uri, metadata.ToHashSet(StringComparer.Ordinal)));
            logger.LogInformation("Registered {Name} as {Uri}", name, uri);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var (name, _, _) in _objects)
        {
            // Only our own registration: a client may have re-registered the name to something else meanwhile.
            await names.WithdrawAsync(name, daemons.Objects.UriFor(name));
            daemons.Objects.Unregister(name);
        }
    }
}
