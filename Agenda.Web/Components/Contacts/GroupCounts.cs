using Agenda.Core.Contacts;
using Agenda.Core.Storage;

namespace Agenda.Web.Components.Contacts;

/// <summary>
/// The groups and their sizes that the contacts pages' filter chips show, read once for every open page: counting them
/// reads every grouped contact's card, too much to do per page and per change. A change that may alter them (a contact
/// created with groups; any update or delete, whose earlier groups the change does not carry) makes the list stale; while
/// pages watch, it is read again at most once per <see cref="RefreshGate.Interval"/> and they are told; with none
/// watching, the next page to ask reads it.
/// </summary>
public sealed class GroupCounts : IDisposable
{
    private readonly IContactStore _store;
    private readonly RefreshGate _gate;
    private readonly IDisposable _subscription;
    private readonly Lock _lock = new();
    private Func<IReadOnlyList<ContactGroup>, Task>[] _watchers = [];
    private IReadOnlyList<ContactGroup>? _current; // null: not read since the last change, with nobody watching
    private long _changes; // a read stores what it read only when no change came while it read

    public GroupCounts(IContactStore store, ContactChangeNotifier notifier, TimeProvider time)
    {
        _store = store;
        _gate = new RefreshGate(time, ReadAgainAsync);
        _subscription = notifier.Subscribe(change =>
        {
            if (MayChange(change)) Stale();
            return Task.CompletedTask;
        });
    }

    /// <summary>The groups as last read, read first when a change since has made them stale and nobody is reading them again.</summary>
    public async Task<IReadOnlyList<ContactGroup>> CurrentAsync()
    {
        lock (_lock)
            if (_current is { } current) return current;
        return await ReadAsync();
    }

    /// <summary>Calls <paramref name="changed"/> after each read that found different groups, until disposed.</summary>
    public IDisposable Watch(Func<IReadOnlyList<ContactGroup>, Task> changed)
    {
        lock (_lock) _watchers = [.. _watchers, changed];
        return new Watching(this, changed);
    }

    private static bool MayChange(ContactChange change) =>
        change.Kind != ChangeKind.Created || change.Contact is not { Card.Groups.Count: 0 };

    private void Stale()
    {
        bool watched;
        lock (_lock)
        {
            _changes++;
            watched = _watchers.Length > 0;
            if (!watched) _current = null;
        }
        if (watched) _gate.Request();
    }

    private async Task ReadAgainAsync()
    {
        IReadOnlyList<ContactGroup>? before;
        lock (_lock) before = _current;
        var now = await ReadAsync();
        if (before is not null && before.SequenceEqual(now)) return;
        foreach (var changed in Volatile.Read(ref _watchers))
        {
            try { await changed(now); }
            catch { /* a closed circuit must not keep the others from hearing */ }
        }
    }

    private async Task<IReadOnlyList<ContactGroup>> ReadAsync()
    {
        long changes;
        lock (_lock) changes = _changes;
        var groups = await _store.GroupsAsync();
        lock (_lock)
            if (_changes == changes) _current = groups;
        return groups;
    }

    private void Unwatch(Func<IReadOnlyList<ContactGroup>, Task> changed)
    {
        lock (_lock) _watchers = [.. _watchers.Where(w => w != changed)];
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _gate.Dispose();
    }

    private sealed class Watching(GroupCounts owner, Func<IReadOnlyList<ContactGroup>, Task> changed) : IDisposable
    {
        public void Dispose() => owner.Unwatch(changed);
    }
}
