using System.Runtime.CompilerServices;
using Agenda.Core.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Agenda.Core.Storage;

/// <summary>
/// <see cref="IContactStore"/> over EF Core. A singleton that opens a DbContext per operation, so Blazor
/// circuits and Pyro connection loops can share it. Validation and change events live here so no door skips them.
/// </summary>
internal sealed partial class EfContactStore(
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

    public async Task<Contact?> FindByUidAsync(string uid, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Uid == uid, ct))?.ToContact();
    }

    public async Task<ContactPage> ListAsync(ContactFilter? filter, long afterId, int pageSize, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var matching = ContactSearch.Apply(db, db.Contacts.AsNoTracking(), filter);
        var rows = await matching.Where(c => c.Id > afterId).OrderBy(c => c.Id).Take(pageSize + 1).ToListAsync(ct);
        var total = await matching.CountAsync(ct);
        var items = rows.Take(pageSize).Select(r => r.ToContact()).ToList();
        return new ContactPage(items, rows.Count > pageSize, total);
    }

    public async IAsyncEnumerable<Contact> ReadAllAsync(ContactFilter? filter = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = ContactSearch.Apply(db, db.Contacts.AsNoTracking(), filter).OrderBy(c => c.Id);
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
            yield return row.ToContact();
    }

    public async Task<int> CountAsync(ContactFilter? filter, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await ContactSearch.Apply(db, db.Contacts, filter).CountAsync(ct);
    }

    public async Task<IReadOnlyList<ContactGroup>> GroupsAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var details = await db.Contacts.AsNoTracking().Where(c => c.GroupsText != "").Select(c => c.Details!).ToListAsync(ct);
        return [.. details.SelectMany(d => StoredCardJson.Read(d).Groups)
            .GroupBy(g => g, StringComparer.OrdinalIgnoreCase)
            .Select(g => new ContactGroup(g.First(), g.Count()))
            .OrderBy(g => g.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    public async Task<Contact> CreateAsync(ContactCard card, WriteOrigin origin, CancellationToken ct = default)
    {
        var fields = ValidOrThrow(card);
        Contact created;
        await _writeGate.WaitAsync(ct);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var counter = await db.IdCounters.SingleAsync(c => c.Name == AgendaDbContext.ContactIdCounter, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var row = new ContactRow { Id = counter.Next, Version = 1, CreatedAt = now, UpdatedAt = now };
            row.SetCard(await WithFreeUidAsync(db, fields, counter.Next, ct));
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

    public async Task<Contact> UpdateAsync(long id, ContactCard card, long? expectedVersion, WriteOrigin origin, CancellationToken ct = default)
    {
        var fields = ValidOrThrow(card); // before the gate: refused input never queues behind other writers
        return await ChangeFieldsAsync(id, expectedVersion, origin,
            current => fields.Uid.Length == 0 ? fields with { Uid = current.Card.Uid } : fields, ct);
    }

    public Task<Contact> PatchAsync(long id, ContactPatch patch, long? expectedVersion, WriteOrigin origin, CancellationToken ct = default) =>
        ChangeFieldsAsync(id, expectedVersion, origin, current => Merge(current, patch), ct);

    /// <summary>
    /// Under the write gate and in one DbContext: reads the row and checks its version, asks <paramref name="newCard"/>
    /// for the card it should have (null or the same card: leave it as it is), and commits it as the next version.
    /// </summary>
    private async Task<Contact> ChangeFieldsAsync(
        long id, long? expectedVersion, WriteOrigin origin, Func<Contact, ContactCard?> newCard, CancellationToken ct)
    {
        Contact updated;
        await _writeGate.WaitAsync(ct);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var row = await FindForWriteAsync(db, id, expectedVersion, ct);
            var current = row.ToContact();
            if (newCard(current) is not { } card || card == current.Card) return current; // nothing to write, nothing to publish
            row.SetCard(await WithFreeUidAsync(db, card, id, ct));
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

    private static ContactCard ValidOrThrow(ContactCard card)
    {
        var (normalized, errors) = ContactValidator.Validate(card);
        return errors.Count == 0 ? normalized : throw new ContactValidationException(errors);
    }

    /// <summary>
    /// The validated card after <paramref name="patch"/>, or null when it changes nothing. Compared after normalising, so
    /// " Ana " over "Ana" is no change; and before validation, so a patch that changes nothing succeeds even on a
    /// contact stored under older validation rules.
    /// </summary>
    private static ContactCard? Merge(Contact current, ContactPatch patch)
    {
        var (merged, errors) = ContactValidator.Validate(patch.ApplyTo(current.Card));
        if (merged == current.Card) return null;
        return errors.Count == 0 ? merged : throw new ContactValidationException(errors);
    }

    /// <summary>The card with a UID no other contact has: a new one when it has none, a validation error when it is taken.</summary>
    private static async Task<ContactCard> WithFreeUidAsync(AgendaDbContext db, ContactCard card, long id, CancellationToken ct)
    {
        if (card.Uid.Length == 0) return card with { Uid = Guid.NewGuid().ToString() };
        var owner = await db.Contacts.Where(c => c.Uid == card.Uid && c.Id != id).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
        return owner is null ? card
            : throw new ContactValidationException(new Dictionary<string, string[]>
                { [nameof(ContactCard.Uid)] = [$"Contact {owner} already has this UID."] });
    }

    private static async Task<ContactRow> FindForWriteAsync(AgendaDbContext db, long id, long? expectedVersion, CancellationToken ct)
    {
        var row = await db.Contacts.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new ContactNotFoundException(id);
        if (expectedVersion is { } expected && expected != row.Version)
            throw new ContactVersionConflictException(id, expected, row.Version);
        return row;
    }
}
