using System.Runtime.CompilerServices;
using Agenda.Core.Contacts;
using Agenda.Core.Storage.Changes;
using Agenda.Core.Storage.Providers;
using Agenda.Core.Storage.Writing;
using Microsoft.EntityFrameworkCore;

namespace Agenda.Core.Storage;

/// <summary>
/// <see cref="IContactStore"/> over EF Core. A singleton that opens a DbContext per operation, so Blazor
/// circuits and Pyro connection loops can share it. Validation and change events live here so no door skips them:
/// each write publishes its change on this process's notifier after it commits, and announces it to the other
/// instances on the database (PostgreSQL) inside its transaction. Writes are committed in batches by one writer
/// (<see cref="WriteQueue"/>), which stops when the store is disposed.
/// </summary>
internal sealed partial class EfContactStore : IContactStore, IAsyncDisposable, IDisposable
{
    private readonly IDbContextFactory<AgendaDbContext> _contexts;
    private readonly StorageProvider _storage;
    private readonly ContactCache _cache;
    private readonly StoreParts _parts;
    private readonly WriteQueue _writes;

    public EfContactStore(IDbContextFactory<AgendaDbContext> contexts, ContactChangeNotifier notifier, TimeProvider clock,
        StorageProvider storage, IChangeAnnouncer announcer, PendingWritesLimit pendingWrites)
    {
        (_contexts, _storage) = (contexts, storage);
        _cache = storage.SoleWriter ? new() : ContactCache.Off;
        _parts = new StoreParts(contexts, storage, _cache, announcer, clock);
        _writes = new WriteQueue(_parts, notifier, pendingWrites.Value);
    }

    /// <summary>The writer's queue (tests hold it to make a batch).</summary>
    internal WriteQueue Writes => _writes;

    // Compiled per store, not once per process: a compiled query serves a single model, and a process (the tests) may
    // hold stores of both providers.
    private readonly Func<AgendaDbContext, long, CancellationToken, Task<ContactRow?>> _byId =
        EF.CompileAsyncQuery((AgendaDbContext db, long id, CancellationToken ct) => db.Contacts.AsNoTracking().FirstOrDefault(c => c.Id == id));

    public async Task<Contact> GetAsync(long id, CancellationToken ct = default)
    {
        if (_cache.TryGet(id, out var cached)) return cached;
        var epoch = _cache.ReadEpoch();
        await using var db = await _contexts.CreateDbContextAsync(ct);
        var contact = (await _byId(db, id, ct))?.ToContact() ?? throw new ContactNotFoundException(id);
        _cache.AddLoaded(contact, epoch);
        return contact;
    }

    public async Task<Contact?> FindByUidAsync(string uid, CancellationToken ct = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(ct);
        return (await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Uid == uid, ct))?.ToContact();
    }

    public async Task<ContactPage> ListAsync(ContactFilter? filter, long afterId, int pageSize, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var db = await _contexts.CreateDbContextAsync(ct);
        var matching = ContactSearch.Apply(_storage, db, db.Contacts.AsNoTracking(), filter);
        var rows = await matching.Where(c => c.Id > afterId).OrderBy(c => c.Id).Take(pageSize + 1).ToListAsync(ct);
        var total = await CountAsync(filter, ct); // every contact's count is kept on SQLite; CountAsync knows when
        var items = rows.Take(pageSize).Select(r => r.ToContact()).ToList();
        return new ContactPage(items, rows.Count > pageSize, total);
    }

    public async Task<IReadOnlyList<Contact>> PageAsync(ContactFilter? filter, long afterId, int pageSize, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var db = await _contexts.CreateDbContextAsync(ct);
        var rows = await ContactSearch.Apply(_storage, db, db.Contacts.AsNoTracking(), filter)
            .Where(c => c.Id > afterId).OrderBy(c => c.Id).Take(pageSize).ToListAsync(ct);
        return [.. rows.Select(r => r.ToContact())];
    }

    public async IAsyncEnumerable<Contact> ReadAllAsync(ContactFilter? filter = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(ct);
        var rows = ContactSearch.Apply(_storage, db, db.Contacts.AsNoTracking(), filter).OrderBy(c => c.Id);
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
            yield return row.ToContact();
    }

    public async IAsyncEnumerable<ContactSummary> ReadSummariesAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(ct);
        var rows = db.Contacts.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new ContactSummary(c.Id, c.FirstName, c.SecondName, c.PhoneNumber, c.Email));
        await foreach (var summary in rows.AsAsyncEnumerable().WithCancellation(ct))
            yield return summary;
    }

    public async Task<int> CountAsync(ContactFilter? filter, CancellationToken ct = default)
    {
        var everyone = filter is null || filter == ContactFilter.All;
        if (everyone && _cache.TryGetTotal(out var total)) return total;
        var epoch = _cache.ReadEpoch();
        await using var db = await _contexts.CreateDbContextAsync(ct);
        var count = await ContactSearch.Apply(_storage, db, db.Contacts, filter).CountAsync(ct);
        if (everyone) _cache.AddLoadedTotal(count, epoch);
        return count;
    }

    public async Task<IReadOnlyList<ContactGroup>> GroupsAsync(CancellationToken ct = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(ct);
        var details = await db.Contacts.AsNoTracking().Where(c => c.GroupsText != "").Select(c => c.Details!).ToListAsync(ct);
        return [.. details.SelectMany(d => StoredCardJson.Read(d).Groups)
            .GroupBy(g => g, StringComparer.OrdinalIgnoreCase)
            .Select(g => new ContactGroup(g.First(), g.Count()))
            .OrderBy(g => g.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    public async Task<bool> PingAsync(CancellationToken ct = default)
    {
        try
        {
            await using var db = await _contexts.CreateDbContextAsync(ct);
            return await db.Database.CanConnectAsync(ct) && await db.IdCounters.AnyAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException) { return false; }
    }

    /// <summary>Stops the writer once what is queued is committed and answered.</summary>
    public async ValueTask DisposeAsync()
    {
        await _writes.DisposeAsync();
        await _storage.StopAsync();
    }

    /// <summary>For a container disposed synchronously: the writer finishes what is queued on its own.</summary>
    public void Dispose() => _ = _writes.DisposeAsync().AsTask();
}
