using Agenda.Core.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Agenda.Core.Storage.Writing;

/// <summary>
/// The writes the writer took from the queue together, in one DbContext and one transaction:
/// <code>
/// 1. read     the contacts they name (one query by id) and the owners of the UIDs they store (one query)
/// 2. decide   each write in queue order, in memory, against what the writes before it decided: a refusal
///             (missing id, stale version, taken UID) is that write's alone, and changes nothing here
/// 3. commit   BEGIN; the new contacts' ids in one counter UPDATE; every UPDATE, DELETE and INSERT (one
///             SaveChanges, and on SQLite one prepared INSERT); the notices for other instances (PostgreSQL); COMMIT
/// </code>
/// New contacts take their ids at the commit, in queue order, so a refused create takes none and ids stay dense.
/// </summary>
internal sealed class WriteBatch : IAsyncDisposable
{
    // Keys per query: well below SQLite's and PostgreSQL's limits on parameters.
    private const int KeysPerQuery = 500;

    private readonly StoreParts _parts;
    private readonly Dictionary<long, ContactRow?> _rows = []; // null: no such contact, or deleted by this batch
    private readonly Dictionary<string, ContactRow?> _uidOwners = new(StringComparer.Ordinal); // null: free
    private readonly List<ContactRow> _created = [];

    private WriteBatch(StoreParts parts, AgendaDbContext db)
    {
        _parts = parts;
        Db = db;
        Now = parts.Now();
    }

    public AgendaDbContext Db { get; }

    /// <summary>When this batch writes: every contact it creates or changes is stamped with it.</summary>
    public DateTime Now { get; }

    public static async Task<WriteBatch> OpenAsync(StoreParts parts, IReadOnlyList<PendingWrite> writes, CancellationToken ct)
    {
        var batch = new WriteBatch(parts, await parts.Contexts.CreateDbContextAsync(ct));
        try { await batch.ReadNamedAsync(writes, ct); }
        catch
        {
            await batch.DisposeAsync();
            throw;
        }
        return batch;
    }

    /// <summary>The contact as this batch has it so far (tracked: a change to it is saved), or null.</summary>
    public ContactRow? Find(long id) => _rows.GetValueOrDefault(id);

    /// <summary>The contact that has <paramref name="uid"/> as this batch has it so far, or null when it is free.</summary>
    public async ValueTask<ContactRow?> UidOwnerAsync(string uid, CancellationToken ct)
    {
        if (_uidOwners.TryGetValue(uid, out var owner)) return owner;
        // A UID no write named up front (a patch that sets one): looked up alone. Its owner is no contact of this batch,
        // whose own UIDs are all known.
        var id = await Db.Contacts.Where(c => c.Uid == uid).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
        return _uidOwners[uid] = id is { } found ? new ContactRow { Id = found, Uid = uid } : null;
    }

    /// <summary>A new contact with <paramref name="card"/>; its id comes at the commit.</summary>
    public ContactRow Create(ContactCard card)
    {
        var row = new ContactRow { Version = 1, CreatedAt = Now, UpdatedAt = Now };
        row.SetCard(card);
        Add(row);
        return row;
    }

    /// <summary>A new contact made by the caller (an import); its id comes at the commit.</summary>
    public void Add(ContactRow row)
    {
        _created.Add(row);
        _uidOwners[row.Uid] = row;
    }

    /// <summary>Gives <paramref name="row"/> its next version with <paramref name="card"/>.</summary>
    public void Change(ContactRow row, ContactCard card)
    {
        if (_uidOwners.GetValueOrDefault(row.Uid) == row) _uidOwners[row.Uid] = null;
        row.SetCard(card);
        row.Version++;
        row.UpdatedAt = Now;
        _uidOwners[row.Uid] = row;
    }

    public void Delete(ContactRow row)
    {
        Db.Contacts.Remove(row);
        _rows[row.Id] = null;
        _uidOwners[row.Uid] = null;
    }

    /// <summary>Saves what the writes decided and commits; each write is sealed (its result and changes set) either way.</summary>
    public async Task CommitAsync(IReadOnlyList<PendingWrite> writes, CancellationToken ct)
    {
        if (_created.Count == 0 && !Db.ChangeTracker.HasChanges())
        {
            foreach (var write in writes) write.Seal(); // every write was refused or changed nothing
            return;
        }
        await using var transaction = await Db.Database.BeginTransactionAsync(ct);
        if (_created.Count > 0)
        {
            var first = await ContactIds.TakeAsync(Db, _created.Count, ct);
            for (var k = 0; k < _created.Count; k++) _created[k].Id = first + k;
        }
        _parts.Cache.WriteStarting();
        List<ContactChange> changes;
        try
        {
            await _parts.Storage.SaveAsync(Db, _created, ct);
            changes = writes.SelectMany(w => w.Seal()).ToList();
            await _parts.Announcer.AnnounceAsync(Db, changes, ct); // in the transaction: told exactly when it commits
            await transaction.CommitAsync(ct);
        }
        catch
        {
            // Committed or not, the next read of each contact this batch touched goes to the database, and so does the count.
            foreach (var entry in Db.ChangeTracker.Entries<ContactRow>()) _parts.Cache.WriteFinished(entry.Entity.Id, null);
            _parts.Cache.Counted(null);
            throw;
        }
        _parts.Cache.Counted(changes.Count(c => c.Kind == ChangeKind.Created) - changes.Count(c => c.Kind == ChangeKind.Deleted));
        _parts.Storage.Committed(changes.Count);
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();

    private async Task ReadNamedAsync(IReadOnlyList<PendingWrite> writes, CancellationToken ct)
    {
        var ids = writes.Select(w => w.NamedId).OfType<long>().Distinct().ToArray();
        foreach (var chunk in ids.Chunk(KeysPerQuery))
            foreach (var row in await Db.Contacts.Where(c => chunk.Contains(c.Id)).ToListAsync(ct))
                (_rows[row.Id], _uidOwners[row.Uid]) = (row, row);
        foreach (var id in ids) _rows.TryAdd(id, null);

        var uids = writes.Select(w => w.NamedUid).OfType<string>().Where(u => u.Length > 0 && !_uidOwners.ContainsKey(u)).Distinct().ToArray();
        foreach (var chunk in uids.Chunk(KeysPerQuery))
            foreach (var owner in await Db.Contacts.Where(c => chunk.Contains(c.Uid)).Select(c => new { c.Id, c.Uid }).ToListAsync(ct))
                _uidOwners[owner.Uid] = new ContactRow { Id = owner.Id, Uid = owner.Uid }; // stands for a contact this batch does not change
        foreach (var uid in uids) _uidOwners.TryAdd(uid, null);
    }
}
