namespace Agenda.Rmi.Naming;

/// <summary>
/// The name server's storage: name → (URI string, tags), in registration order like Pyro's dict-based MemoryStorage
/// (re-registering a name keeps its place). Thread-safe; <see cref="Changed"/> fires after each change, outside the lock.
/// </summary>
public sealed class NameTable : INameRegistry
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
