using System.Runtime.CompilerServices;
using Agenda.Core.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Agenda.Core.Storage;

/// <summary>
/// <see cref="IContactStore"/> over EF Core. A singleton that opens a DbContext per operation, so Blazor
/// circuits and Pyro connection loops can share it. Validation and change events live here so no door skips them.
/// </summary>
internal sealed class EfContactStore(
    IDbContextFactory<AgendaDbContext> contexts, ContactChangeNotifier notifier, TimeProvider clock) : IContactStore
{
    // SQLite has a single writer; queueing writes here avoids busy-retry storms when many clients insert at once.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ContactCache _cache = new();

    private static readonly Func<AgendaDbContext, long, CancellationToken, Task<ContactRow?>> ById =
        EF.CompileAsyncQuery((AgendaDbContext db, long id, CancellationToken ct) => db.Contacts.AsNoTracking().FirstOrDefault(c => c.Id == id));

    public async Task<Contact> GetAsync(long id, CancellationToken ct = default)
    {
        if (_cache.TryGet(id, out var cached)) return cached;
        var epoch = _cache.ReadEpoch();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var contact = (await ById(db, id, ct))?.ToContact() ?? throw new ContactNotFoundException(id);
        _cache.AddLoaded(contact, epoch);
        return contact;
    }

    public async Task<ContactPage> ListAsync(string? search, long afterId, int pageSize, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var matching = ContactSearch.Apply(db, db.Contacts.AsNoTracking(), search);
        var rows = await matching.Where(c => c.Id > afterId).OrderBy(c => c.Id).Take(pageSize + 1).ToListAsync(ct);
        var total = await matching.CountAsync(ct);
        var items = rows.Take(pageSize).Select(r => r.ToContact()).ToList();
        return new ContactPage(items, rows.Count > pageSize, total);
    }

    public async IAsyncEnumerable<Contact> ReadAllAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await foreach (var row in db.Contacts.AsNoTracking().OrderBy(c => c.Id).AsAsyncEnumerable().WithCancellation(ct))
            yield return row.ToContact();
    }

    public async Task<int> CountAsync(string? search, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await ContactSearch.Apply(db, db.Contacts, search).CountAsync(ct);
    }

    public async Task<Contact> CreateAsync(ContactInput input, WriteOrigin origin, CancellationToken ct = default)
    {
        var fields = ValidOrThrow(input);
        Contact created;
        await _writeGate.WaitAsync(ct);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var counter = await db.IdCounters.SingleAsync(c => c.Name == AgendaDbContext.ContactIdCounter, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var row = new ContactRow { Id = counter.Next, Version = 1, CreatedAt = now, UpdatedAt = now };
            row.SetFields(fields);
            counter.Next++;
            db.Contacts.Add(row);
            await db.SaveChangesAsync(ct); // one transaction: the id counter and the row move together
            created = row.ToContact();
            _cache.WriteFinished(created.Id, created);
        }
        finally { _writeGate.Release(); }
        await notifier.PublishAsync(new ContactChange(created.Id, ChangeKind.Created, created.Version, origin.Door, created, origin.Who));
        return created;
    }

    public async Task<Contact> UpdateAsync(long id, ContactInput input, long? expectedVersion, WriteOrigin origin, CancellationToken ct = default)
    {
        var fields = ValidOrThrow(input); // before the gate: refused input never queues behind other writers
        return await ChangeFieldsAsync(id, expectedVersion, origin, _ => fields, ct);
    }

    public Task<Contact> PatchAsync(long id, ContactPatch patch, long? expectedVersion, WriteOrigin origin, CancellationToken ct = default) =>
        ChangeFieldsAsync(id, expectedVersion, origin, current => Merge(current, patch), ct);

    /// <summary>
    /// Under the write gate and in one DbContext: reads the row and checks its version, asks <paramref name="newFields"/>
    /// for the fields it should have (null: leave it as it is), and commits them as the next version.
    /// </summary>
    private async Task<Contact> ChangeFieldsAsync(
        long id, long? expectedVersion, WriteOrigin origin, Func<Contact, ContactInput?> newFields, CancellationToken ct)
    {
        Contact updated;
        await _writeGate.WaitAsync(ct);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var row = await FindForWriteAsync(db, id, expectedVersion, ct);
            var current = row.ToContact();
            if (newFields(current) is not { } fields) return current; // nothing to write, nothing to publish
            row.SetFields(fields);
            row.Version++;
            row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await SaveAsync(db, id, ct);
            updated = row.ToContact();
            _cache.WriteFinished(id, updated);
        }
        finally { _writeGate.Release(); }
        await notifier.PublishAsync(new ContactChange(id, ChangeKind.Updated, updated.Version, origin.Door, updated, origin.Who));
        return updated;
    }

    public async Task DeleteAsync(long id, long? expectedVersion, WriteOrigin origin, CancellationToken ct = default)
    {
        long version;
        await _writeGate.WaitAsync(ct);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var row = await FindForWriteAsync(db, id, expectedVersion, ct);
            version = row.Version;
            db.Contacts.Remove(row);
            await SaveAsync(db, id, ct);
            _cache.WriteFinished(id, null);
        }
        finally { _writeGate.Release(); }
        await notifier.PublishAsync(new ContactChange(id, ChangeKind.Deleted, version, origin.Door, null, origin.Who));
    }

    public async Task<bool> PingAsync(CancellationToken ct = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return await db.Database.CanConnectAsync(ct) && await db.IdCounters.AnyAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException) { return false; }
    }

    /// <summary>Commits a change to an existing contact, keeping the read cache from storing what is being replaced.</summary>
    private async Task SaveAsync(AgendaDbContext db, long id, CancellationToken ct)
    {
        _cache.WriteStarting();
        try { await db.SaveChangesAsync(ct); }
        catch
        {
            _cache.WriteFinished(id, null); // committed or not, the next read goes to the database
            throw;
        }
    }

    private static ContactInput ValidOrThrow(ContactInput input)
    {
        var (normalized, errors) = ContactValidator.Validate(input);
        return errors.Count == 0 ? normalized : throw new ContactValidationException(errors);
    }

    /// <summary>
    /// The validated fields after <paramref name="patch"/>, or null when it changes nothing. Compared after trimming, so
    /// " Ana " over "Ana" is no change; and before validation, so a patch that changes nothing succeeds even on a
    /// contact stored under older validation rules.
    /// </summary>
    private static ContactInput? Merge(Contact current, ContactPatch patch)
    {
        var (merged, errors) = ContactValidator.Validate(patch.ApplyTo(current));
        if (merged == new ContactInput(current.FirstName, current.SecondName, current.PhoneNumber, current.Email)) return null;
        return errors.Count == 0 ? merged : throw new ContactValidationException(errors);
    }

    private static async Task<ContactRow> FindForWriteAsync(AgendaDbContext db, long id, long? expectedVersion, CancellationToken ct)
    {
        var row = await db.Contacts.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new ContactNotFoundException(id);
        if (expectedVersion is { } expected && expected != row.Version)
            throw new ContactVersionConflictException(id, expected, row.Version);
        return row;
    }
}
