using Agenda.Core.Instances;
using Agenda.Core.Naming;
using Agenda.Rmi.Naming;

namespace Agenda.Web.Tests.Components;

/// <summary>
/// A name table the test fills by hand, standing in for the Pyro name server (built on another branch) so the
/// page's registered state can be rendered; it raises <see cref="Changed"/> from a background thread, as the
/// name server's connection loops will.
/// </summary>
public sealed class InMemoryNameRegistry : INameRegistry
{
    private readonly List<NameRegistration> _entries = [];

    public event Action? Changed;

    public bool IsRunning => true;

    /// <summary>Set to stand for a shared name server (PostgreSQL) as this instance sees it, with <see cref="Instances"/>.</summary>
    public AgendaInstance? Instance { get; set; }

    public List<InstanceStatus> Instances { get; } = [];

    /// <summary>When set, every read fails as a shared name server's does when its database does not answer.</summary>
    public SharedNamesUnavailableException? Unavailable { get; set; }

    public int SubscriberCount => Changed?.GetInvocationList().Length ?? 0;

    public IReadOnlyList<NameRegistration> Snapshot()
    {
        lock (_entries) return [.. _entries];
    }

    public Task<IReadOnlyList<NameRegistration>> SnapshotAsync() =>
        Unavailable is { } e ? Task.FromException<IReadOnlyList<NameRegistration>>(e) : Task.FromResult(Snapshot());

    public Task<bool> RemoveAsync(string name) => Task.FromResult(Remove(name));

    public Task<IReadOnlyList<InstanceStatus>> InstancesAsync()
    {
        lock (_entries) return Task.FromResult<IReadOnlyList<InstanceStatus>>([.. Instances]);
    }

    public bool Remove(string name)
    {
        lock (_entries)
        {
            if (name == NameServer.ObjectId || _entries.RemoveAll(e => e.Name == name) == 0) return false;
        }
        Changed?.Invoke();
        return true;
    }

    public async Task RegisterFromAnotherThreadAsync(string name, string uri, params string[] metadata)
    {
        await Task.Run(() =>
        {
            lock (_entries) _entries.Add(new(name, uri, new HashSet<string>(metadata)));
            Changed?.Invoke();
        });
    }
}
