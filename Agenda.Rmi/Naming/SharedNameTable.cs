using System.Collections.Concurrent;
using Agenda.Core.Instances;
using Agenda.Core.Naming;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.Naming;

/// <summary>
/// The name server's table when several Agenda instances share one PostgreSQL database: every instance's name server
/// lists, finds, registers and removes the same registrations. Where each name lives:
/// <code>
/// name                          kept in                           through instance X's name server
/// Pyro.NameServer               X's memory                        X's own name server, as in Pyro
/// KLEIN_ROCHA.x, agenda.contacts.x   a row owned by instance x    while x's lease holds; tags: the object's + "KLEIN_ROCHA" / "agenda.contacts"
/// KLEIN_ROCHA, agenda.contacts  nowhere (shared names)            a row of that name if a client registered one; else X's
///                                                                 own object while X's lease holds, else a live instance's
///                                                                 (Owner: that instance); no tags, so PYROMETA:agenda picks
///                                                                 among the instances' own names
/// anything a client registers   a row without owner               until removed, whichever instance it came through
/// </code>
/// A database that does not answer is a <c>NamingError</c> to Pyro clients, and a
/// <see cref="SharedNamesUnavailableException"/> to the registry's other readers.
/// </summary>
public sealed class SharedNameTable(ISharedNames names, InstanceLeaseKeeper keeper) : INameTable, INameRegistry
{
    private static readonly IReadOnlySet<string> NoTags = new HashSet<string>();

    // Shared name → this process's own object behind it (set by PublishAsync).
    private readonly ConcurrentDictionary<string, NameRegistration> _served = new(StringComparer.Ordinal);
    private volatile NameRegistration? _nameServer;

    public event Action? Changed;

    public bool IsRunning => true;
    public AgendaInstance? Instance => keeper.Instance;

    public void SetNameServer(NameRegistration self) => _nameServer = self;

    public ValueTask<int> CountAsync() => Pyro(async () => (await ListEntriesAsync(NameQuery.All)).Count);

    public ValueTask<NameRegistration?> FindAsync(string name) => Pyro(() => FindEntryAsync(name));

    public ValueTask<bool> SetAsync(NameRegistration entry, bool onlyIfNew) => Pyro(async () =>
    {
        if (entry.Name == NameServer.ObjectId)
        {
            if (onlyIfNew && _nameServer is not null) return false;
            _nameServer = entry;
        }
        else if (!await names.RegisterAsync(ToShared(entry), owner: null, onlyIfNew)) return false;
        OnChanged();
        return true;
    });

    public ValueTask<bool> SetMetadataAsync(string name, IReadOnlySet<string> metadata) => Pyro(async () =>
    {
        if (name == NameServer.ObjectId && _nameServer is { } self) _nameServer = self with { Metadata = metadata };
        else if (!await names.SetMetadataAsync(name, [.. metadata])) return false;
        OnChanged();
        return true;
    });

    public ValueTask<IReadOnlyList<NameRegistration>> ListAsync(NameQuery query) => Pyro(() => ListEntriesAsync(query));

    public ValueTask<int> RemoveAsync(IReadOnlyCollection<string> names) => Pyro(() => RemoveEntriesAsync(names));

    public async ValueTask PublishAsync(NameRegistration entry)
    {
        _served[entry.Name] = entry with { Metadata = NoTags, Owner = keeper.Instance.Name };
        await keeper.OwnAsync(new SharedName(InstanceName(entry.Name), entry.Uri, [.. entry.Metadata.Append(entry.Name).Distinct()]));
        OnChanged();
    }

    // Called at stop, after the keeper left (which deleted the owned rows): only this process's memory is left to clear.
    public ValueTask WithdrawAsync(string name, string uri)
    {
        if (_served.TryGetValue(name, out var own) && own.Uri == uri) _served.TryRemove(name, out _);
        keeper.Disown(InstanceName(name));
        return ValueTask.CompletedTask;
    }

    public Task<IReadOnlyList<NameRegistration>> SnapshotAsync() => ListEntriesAsync(NameQuery.All);

    public async Task<bool> RemoveAsync(string name) => name != NameServer.ObjectId && await RemoveEntriesAsync([name]) == 1;

    public Task<IReadOnlyList<InstanceStatus>> InstancesAsync() => names.InstancesAsync();

    private string InstanceName(string sharedName) => $"{sharedName}.{keeper.Instance.Name}";

    private async Task<NameRegistration?> FindEntryAsync(string name)
    {
        if (name == NameServer.ObjectId) return _nameServer;
        if (await names.FindAsync(name) is { } row) return FromShared(row);
        return _served.ContainsKey(name) ? await ServedAsync(name) : null;
    }

    // The answering instance's own object when its lease holds (no query); otherwise a live instance's.
    private async Task<NameRegistration?> ServedAsync(string sharedName)
    {
        if (keeper.IsAlive && _served.TryGetValue(sharedName, out var own)) return own;
        return await names.FindInstanceObjectAsync(sharedName) is { } other ? new(sharedName, other.Uri, NoTags, other.Owner) : null;
    }

    private async Task<IReadOnlyList<NameRegistration>> ListEntriesAsync(NameQuery query)
    {
        var rows = await names.ListAsync(ToShared(query));
        var result = new List<NameRegistration>();
        if (_nameServer is { } self && query.Matches(self)) result.Add(self);
        var registered = rows.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var sharedName in _served.Keys.Order(StringComparer.Ordinal))
            if (!registered.Contains(sharedName) && query.Matches(new(sharedName, "", NoTags)) && await ServedAsync(sharedName) is { } served)
                result.Add(served);
        result.AddRange(rows.Where(r => r.Name != NameServer.ObjectId).Select(FromShared));
        return result;
    }

    private async Task<int> RemoveEntriesAsync(IReadOnlyCollection<string> doomed)
    {
        var removed = await names.RemoveAsync([.. doomed.Where(n => n != NameServer.ObjectId)]);
        if (removed > 0) OnChanged();
        return removed;
    }

    private static SharedNameQuery ToShared(NameQuery query) => query switch
    {
        NameQuery.Prefixes p => new(Prefixes: p.Values),
        NameQuery.MetadataAll m => new(MetadataAll: [.. m.Tags]),
        NameQuery.MetadataAny m => new(MetadataAny: [.. m.Tags]),
        _ => SharedNameQuery.All,
    };

    private static SharedName ToShared(NameRegistration entry) => new(entry.Name, entry.Uri, [.. entry.Metadata]);

    private static NameRegistration FromShared(SharedName row) =>
        new(row.Name, row.Uri, row.Metadata.ToHashSet(StringComparer.Ordinal), row.Owner);

    // Pyro clients hear of an unreachable database as the name server's own kind of error.
    private static async ValueTask<T> Pyro<T>(Func<Task<T>> call)
    {
        try { return await call(); }
        catch (SharedNamesUnavailableException e) { throw PyException.NamingError(e.Message); }
    }

    private void OnChanged()
    {
        foreach (var handler in Changed?.GetInvocationList() ?? [])
        {
            try { ((Action)handler)(); }
            catch (Exception) { }
        }
    }
}
