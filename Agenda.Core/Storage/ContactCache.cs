using System.Collections.Concurrent;
using Agenda.Core.Contacts;

namespace Agenda.Core.Storage;

/// <summary>
/// Contacts by id as last committed, so a read by id (<c>buscar</c>, <c>GET /api/contacts/{id}</c>: the hot path of
/// every door) costs a dictionary lookup instead of a database round trip. Writers update it after each commit.
/// Valid only where this process is the only writer of its database (SQLite: one Agenda process per file); with
/// PostgreSQL another instance may write at any moment, so the store uses <see cref="Off"/> and reads the database.
/// </summary>
/// <remarks>
/// The race to avoid: a reader loads version 1 from the database, a writer commits version 2 (or a delete) and
/// updates the cache, then the reader stores its stale version 1. So writers bump <see cref="_epoch"/> before they
/// commit and again when they update the cache, and a reader only stores what it loaded when no write started or
/// finished in between (checked under the same lock): a read that began after the commit started may still have seen
/// the old row.
/// </remarks>
internal sealed class ContactCache(int capacity = 200_000)
{
    private readonly ConcurrentDictionary<long, Contact> _contacts = new();
    private readonly Lock _lock = new();
    private long _epoch;
    private int _total = -1; // every contact, as last committed; -1: not known (read it from the database)
    private bool _committing; // between WriteStarting and Counted: a count read now may or may not hold the batch

    /// <summary>A cache that keeps nothing: every read goes to the database.</summary>
    public static ContactCache Off => new(capacity: 0);

    public bool TryGet(long id, out Contact contact) => _contacts.TryGetValue(id, out contact!);

    /// <summary>Taken before a database read; pass it to <see cref="AddLoaded"/>.</summary>
    public long ReadEpoch() => Volatile.Read(ref _epoch);

    public void AddLoaded(Contact contact, long epochBeforeRead)
    {
        lock (_lock)
        {
            if (_epoch != epochBeforeRead || capacity == 0) return;
            if (_contacts.Count >= capacity) _contacts.Clear(); // bounded: a rare full reload beats unbounded growth
            _contacts.TryAdd(contact.Id, contact);
        }
    }

    /// <summary>How many contacts there are, when known: an open contacts page asks for it after every change it shows.</summary>
    public bool TryGetTotal(out int total) => (total = Volatile.Read(ref _total)) >= 0;

    /// <summary>A count of every contact read from the database, kept unless a write started or finished meanwhile.</summary>
    public void AddLoadedTotal(int total, long epochBeforeRead)
    {
        lock (_lock)
            if (_epoch == epochBeforeRead && !_committing && capacity > 0) _total = total;
    }

    /// <summary>Called after a commit with how many contacts it created less how many it deleted; null when the write failed.</summary>
    public void Counted(int? delta)
    {
        lock (_lock)
        {
            _epoch++;
            _committing = false;
            if (delta is null) _total = -1; // not known whether it committed: the next count reads the database
            else if (_total >= 0) _total += delta.Value;
        }
    }

    /// <summary>Called (inside the store's write gate) before a write is committed.</summary>
    public void WriteStarting()
    {
        lock (_lock)
        {
            _epoch++;
            _committing = true;
        }
    }

    /// <summary>Called after a write: the committed contact, or null when it was deleted or the write failed.</summary>
    public void WriteFinished(long id, Contact? committed)
    {
        lock (_lock)
        {
            _epoch++;
            if (committed is null) _contacts.TryRemove(id, out _);
            else if (capacity > 0) _contacts[id] = committed;
        }
    }
}
