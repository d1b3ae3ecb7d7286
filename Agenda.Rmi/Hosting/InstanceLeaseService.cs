using Agenda.Core.Naming;
using Agenda.Rmi.Daemon;
using Agenda.Rmi.Naming;
using Microsoft.Extensions.Hosting;

namespace Agenda.Rmi.Hosting;

/// <summary>
/// This instance's presence in a shared name server, from the host's first step to its first step of stopping: it
/// joins before any hosted service starts (so the agenda objects can be owned by it) and leaves before any stops (so
/// no other instance hands out this one's URIs while its listeners close).
/// </summary>
internal sealed class InstanceLeaseService(InstanceLeaseKeeper keeper, PyroDaemons daemons) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) =>
        keeper.StartAsync(daemons.NameServer.UriFor(NameServer.ObjectId), daemons.Objects.UriFor(PyroDaemon.DaemonObjectId));

    public Task StoppingAsync(CancellationToken cancellationToken) => keeper.LeaveAsync();

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
