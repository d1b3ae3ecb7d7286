using Agenda.Core.Instances;
using Agenda.Core.Naming;

namespace Agenda.Rmi.Naming;

/// <summary>
/// The name server's storage in this process: name → (URI string, tags), in registration order like Pyro's dict-based
/// MemoryStorage (re-registering a name keeps its place). Thread-safe; <see cref="Changed"/> fires after each change,
/// outside the lock. Every call completes at once, so the async members only wrap the synchronous ones.
/// </summary>
public sealed class NameTable : INameTable, INameRegistry
{
    private readonly Lock _lock = new();
    private readonly OrderedDictionary<string, NameRegistration> _entries = new(StringComparer.Ordinal);

    public event Action? Changed;

    /// <summary>Always true: a table exists only where <c>AddRmi()</c> serves it from the name-server daemon.</summary>
    public bool IsRunning => true;

    public int Count
    {
        get { lock (_lock) return _entries.Count; }
    }

    public IReadOnlyList<NameRegistration> Snapshot()
    {
        lock (_lock) return [.. _entries.Values];
    }

    public NameRegistration? Find(string name)
    {
        lock (_lock) return _entries.GetValueOrDefault(name);
    }

    /// <summary>Adds or overwrites; with <paramref name="onlyIfNew"/> an existing name is left alone and false returned.</summary>
    public bool Set(NameRegistration entry, bool onlyIfNew = false)
    {
        lock (_lock)
        {
            if (onlyIfNew && _entries.ContainsKey(entry.Name)) return false;
            _entries[entry.Name] = entry;
        }
        OnChanged();
        return true;
    }

    /// <summary>Replaces the tags of an existing name; false if the name is unknown.</summary>
    public bool SetMetadata(string name, IReadOnlySet<string> metadata)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(name, out var entry)) return false;
            _entries[name] = entry with { Metadata = metadata };
        }
        OnChanged();
        return true;
    }

    /// <summary>Removes one name unless it is the name server's own.</summary>
    public bool Remove(string name) => name != NameServer.ObjectId && Remove([name]) == 1;

    /// <summary>Removes the given names (unknown ones are skipped) and returns how many were removed.</summary>
    public int Remove(IEnumerable<string> names)
    {
        var removed = 0;
        lock (_lock)
        {
            foreach (var name in names)
                if (_entries.Remove(name)) removed++;
        }
        if (removed > 0) OnChanged();
        return removed;
    }

    AgendaInstance? INameRegistry.Instance => null;

    public void SetNameServer(NameRegistration self) => Set(self);

    ValueTask<int> INameTable.CountAsync() => ValueTask.FromResult(Count);
    ValueTask<NameRegistration?> INameTable.FindAsync(string name) => ValueTask.FromResult(Find(name));
    ValueTask<bool> INameTable.SetAsync(NameRegistration entry, bool onlyIfNew) => ValueTask.FromResult(Set(entry, onlyIfNew));
    ValueTask<bool> INameTable.SetMetadataAsync(string name, IReadOnlySet<string> metadata) => ValueTask.FromResult(SetMetadata(name, metadata));
    ValueTask<int> INameTable.RemoveAsync(IReadOnlyCollection<string> names) => ValueTask.FromResult(Remove(names));

    ValueTask<IReadOnlyList<NameRegistration>> INameTable.ListAsync(NameQuery query) =>
        ValueTask.FromResult<IReadOnlyList<NameRegistration>>([.. Snapshot().Where(query.Matches)]);

    ValueTask INameTable.PublishAsync(NameRegistration entry)
    {
        Set(entry);
        return ValueTask.CompletedTask;
    }

    ValueTask INameTable.WithdrawAsync(string name, string uri)
    {
        if (Find(name)?.Uri == uri) Remove([name]);
        return ValueTask.CompletedTask;
    }

    Task<IReadOnlyList<NameRegistration>> INameRegistry.SnapshotAsync() => Task.FromResult(Snapshot());
    Task<bool> INameRegistry.RemoveAsync(string name) => Task.FromResult(Remove(name));
    Task<IReadOnlyList<InstanceStatus>> INameRegistry.InstancesAsync() => Task.FromResult<IReadOnlyList<InstanceStatus>>([]);

    private void OnChanged()
    {
        // One misbehaving subscriber (a UI circuit, say) must not fail a Python client's register call.
        foreach (var handler in Changed?.GetInvocationList() ?? [])
        {
            try { ((Action)handler)(); }
            catch (Exception) { }
        }
    }
}
