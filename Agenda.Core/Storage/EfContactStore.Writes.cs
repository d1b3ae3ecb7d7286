using Agenda.Core.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Agenda.Core.Storage;

/// <remarks>
/// Writes are correct with other writers on the same database (PostgreSQL instances): a new id comes from one atomic
/// UPDATE of the counter, and each change is checked against the stored version by the UPDATE or DELETE itself (the
/// Version column is a concurrency token), so of two writers holding the same version exactly one lands. The other
/// gets <see cref="ContactVersionConflictException"/> when it named a version, and otherwise starts again from the
/// stored contact: concurrent patches of different fields all land.
/// </remarks>
internal sealed partial class EfContactStore
{
    // Each retry follows another writer's success, so this bounds only how long one caller can lose in a row.
    private const int WriteAttempts = 10;

    public async Task<Contact> CreateAsync(ContactCard card, WriteOrigin origin, CancellationToken ct = default)
    {
        var fields = ValidOrThrow(card);
        Contact created;
        ContactChange change;
        using (await _writeGate.EnterAsync(ct))
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var stored = await WithFreeUidAsync(db, fields, null, ct); // before taking an id: a refused UID uses none
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var now = Now();
            var row = new ContactRow { Id = await ContactIds.TakeAsync(db, 1, ct), Version = 1, CreatedAt = now, UpdatedAt = now };
            row.SetCard(stored);
            db.Contacts.Add(row);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) when (fields.Uid.Length > 0)
            {
                // Another instance may have stored this UID since the check: say so as the check would have.
                await transaction.RollbackAsync(ct);
                await using var again = await contexts.CreateDbContextAsync(ct);
                await WithFreeUidAsync(again, fields, null, ct);
                throw;
            }
            created = row.ToContact();
            change = new ContactChange(created.Id, ChangeKind.Created, created.Version, origin.Door, created, origin.Who);
            await announcer.AnnounceAsync(db, [change], ct);
            await transaction.CommitAsync(ct); // the id, the row and its notice together, or none of them
            _cache.WriteFinished(created.Id, created);
        }
        await notifier.PublishAsync(change);
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

    public Task DeleteAsync(long id, long? expectedVersion, WriteOrigin origin, CancellationToken ct = default) =>
        WithVersionCheckAsync(id, expectedVersion, () => TryDeleteAsync(id, expectedVersion, origin, ct), ct);

    private Task<Contact> ChangeFieldsAsync(
        long id, long? expectedVersion, WriteOrigin origin, Func<Contact, ContactCard?> newCard, CancellationToken ct) =>
        WithVersionCheckAsync(id, expectedVersion, () => TryChangeFieldsAsync(id, expectedVersion, origin, newCard, ct), ct);

    /// <summary>
    /// Runs <paramref name="write"/>; when another writer changed the contact between its read and its commit, names
    /// the version the caller expected in a conflict, or (no version given) runs it again on the stored contact.
    /// </summary>
    private async Task<T> WithVersionCheckAsync<T>(long id, long? expectedVersion, Func<Task<T>> write, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try { return await write(); }
            catch (DbUpdateConcurrencyException) when (expectedVersion is null && attempt < WriteAttempts) { }
            catch (DbUpdateConcurrencyException) when (expectedVersion is { } expected)
            {
                await using var db = await contexts.CreateDbContextAsync(ct);
                var actual = await db.Contacts.Where(c => c.Id == id).Select(c => (long?)c.Version).FirstOrDefaultAsync(ct);
                throw actual is { } version ? new ContactVersionConflictException(id, expected, version) : new ContactNotFoundException(id);
            }
        }
    }

    private async Task WithVersionCheckAsync(long id, long? expectedVersion, Func<Task> write, CancellationToken ct) =>
        await WithVersionCheckAsync(id, expectedVersion, async () => { await write(); return true; }, ct);

    /// <summary>
    /// In one DbContext: reads the row and checks its version, asks <paramref name="newCard"/> for the card it should
    /// have (null or the same card: leave it as it is), and commits it as the next version.
    /// </summary>
    private async Task<Contact> TryChangeFieldsAsync(
        long id, long? expectedVersion, WriteOrigin origin, Func<Contact, ContactCard?> newCard, CancellationToken ct)
    {
        Contact updated;
        ContactChange change;
        using (await _writeGate.EnterAsync(ct))
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var row = await FindForWriteAsync(db, id, expectedVersion, ct);
            var current = row.ToContact();
            if (newCard(current) is not { } card || card == current.Card) return current; // nothing to write, nothing to publish
            row.SetCard(await WithFreeUidAsync(db, card, id, ct));
            row.Version++;
            row.UpdatedAt = Now();
            updated = row.ToContact();
            change = new ContactChange(id, ChangeKind.Updated, updated.Version, origin.Door, updated, origin.Who);
            await SaveAsync(db, id, change, ct);
            _cache.WriteFinished(id, updated);
        }
        await notifier.PublishAsync(change);
        return updated;
    }

    private async Task TryDeleteAsync(long id, long? expectedVersion, WriteOrigin origin, CancellationToken ct)
    {
        ContactChange change;
        using (await _writeGate.EnterAsync(ct))
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var row = await FindForWriteAsync(db, id, expectedVersion, ct);
            change = new ContactChange(id, ChangeKind.Deleted, row.Version, origin.Door, null, origin.Who);
            db.Contacts.Remove(row);
            await SaveAsync(db, id, change, ct);
            _cache.WriteFinished(id, null);
        }
        await notifier.PublishAsync(change);
    }

    /// <summary>
    /// Commits a change to an existing contact, keeping the read cache from storing what is being replaced. Where other
    /// instances are told (PostgreSQL), the UPDATE or DELETE and its notice are one transaction, so the notice goes out
    /// exactly when the change commits (two more round trips: the notice and COMMIT); on SQLite the single statement
    /// needs none.
    /// </summary>
    private async Task SaveAsync(AgendaDbContext db, long id, ContactChange change, CancellationToken ct)
    {
        _cache.WriteStarting();
        try
        {
            await using var transaction = announcer.Announces ? await db.Database.BeginTransactionAsync(ct) : null;
            await db.SaveChangesAsync(ct);
            await announcer.AnnounceAsync(db, [change], ct);
            if (transaction is not null) await transaction.CommitAsync(ct);
        }
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

    /// <summary>
    /// The card with a UID no other contact than <paramref name="id"/> has: a new one when it has none, a validation
    /// error when it is taken.
    /// </summary>
    private static async Task<ContactCard> WithFreeUidAsync(AgendaDbContext db, ContactCard card, long? id, CancellationToken ct)
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
