using Agenda.Core.Instances;
using Agenda.Core.Naming;

namespace Agenda.Rmi.Naming;

/// <summary>
/// The registry of a process whose name server is switched off (<c>Rmi:Enabled=false</c>): it says so through
/// <see cref="IsRunning"/>, lists nothing and never changes, so REST and the UI depend on a registry either way.
/// </summary>
public sealed class NameServerNotRunning : INameRegistry
{
    public static readonly NameServerNotRunning Instance = new();

    private NameServerNotRunning() { }

    public bool IsRunning => false;

    AgendaInstance? INameRegistry.Instance => null;

    public Task<IReadOnlyList<NameRegistration>> SnapshotAsync() => Task.FromResult<IReadOnlyList<NameRegistration>>([]);

    public Task<bool> RemoveAsync(string name) => Task.FromResult(false);

    public Task<IReadOnlyList<InstanceStatus>> InstancesAsync() => Task.FromResult<IReadOnlyList<InstanceStatus>>([]);

    // Nothing ever changes, so subscribers are not even kept.
    public event Action? Changed
    {
        add { }
        remove { }
    }
}
