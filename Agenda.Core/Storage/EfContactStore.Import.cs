using Agenda.Core.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Agenda.Core.Storage;

internal sealed partial class EfContactStore
{
    // An import that met another writer (a UID stored meanwhile, a contact changed since it was read) stored nothing
    // and is judged again from scratch; a failure that repeats is not another writer's doing.
    private const int ImportAttempts = 3;

    // UIDs looked up per query: well below SQLite's and PostgreSQL's limits on parameters.
    private const int UidsPerQuery = 500;

    /// <summary>
    /// One transaction for the whole batch: a batch of 10,000 cards costs one commit, not 10,000, and a failure (a full
    /// disk) stores none of it rather than part. Cards are checked one by one first, so an invalid card is skipped alone
    /// and never reaches the database. New contacts take their ids as one block, in one statement, just before the commit.
    /// </summary>
    public async Task<IReadOnlyList<ImportOutcome>> ImportAsync(
        IReadOnlyList<ContactCard> cards, bool dryRun, WriteOrigin origin, CancellationToken ct = default)
    {
        var judged = cards.Select(ContactValidator.Validate).ToList();
        for (var attempt = 1; ; attempt++)
        {
            try { return await TryImportAsync(judged, dryRun, origin, ct); }
            catch (DbUpdateException) when (attempt < ImportAttempts) { }
        }
    }

    private async Task<IReadOnlyList<ImportOutcome>> TryImportAsync(
        IReadOnlyList<(ContactCard Card, Dictionary<string, string[]> Errors)> cards, bool dryRun, WriteOrigin origin, CancellationToken ct)
    {
        var judged = new List<Judged>(cards.Count);
        var created = new List<ContactRow>(); // in card order, which is the order of their ids
        var changes = new List<ContactChange>();
        using (await _writeGate.EnterAsync(ct))
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var byUid = await StoredWithUidsAsync(db, cards, ct); // then this batch's rows too, created or updated
            var now = Now();
            for (var i = 0; i < cards.Count; i++)
            {
                var (card, errors) = cards[i];
                if (errors.Count > 0) { judged.Add(new(i, ImportResult.Invalid, null, errors)); continue; }

                var row = card.Uid.Length == 0 ? null : byUid.GetValueOrDefault(card.Uid);
                if (row is null)
                {
                    row = new ContactRow { Version = 1, CreatedAt = now, UpdatedAt = now }; // its id comes at the commit
                    row.SetCard(card.Uid.Length == 0 ? card with { Uid = Guid.NewGuid().ToString() } : card);
                    created.Add(row);
                    judged.Add(new(i, ImportResult.Created, row));
                }
                else if (row.ToContact().Card == card) judged.Add(new(i, ImportResult.Unchanged, row));
                else
                {
                    row.SetCard(card);
                    row.Version++;
                    row.UpdatedAt = now;
                    judged.Add(new(i, ImportResult.Updated, row));
                }
                byUid[row.Uid] = row;
            }
            if (!dryRun && judged.Any(j => j.Result is ImportResult.Created or ImportResult.Updated))
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                if (created.Count > 0)
                {
                    var first = await ContactIds.TakeAsync(db, created.Count, ct);
                    for (var k = 0; k < created.Count; k++) created[k].Id = first + k;
                    db.Contacts.AddRange(created);
                }
                _cache.WriteStarting();
                try
                {
                    await db.SaveChangesAsync(ct);
                    changes = [.. judged.Where(j => j.Result is ImportResult.Created or ImportResult.Updated).Select(j => new ContactChange(
                        j.Row!.Id, j.Result == ImportResult.Created ? ChangeKind.Created : ChangeKind.Updated,
                        j.Row.Version, origin.Door, j.Row.ToContact(), origin.Who))];
                    await announcer.AnnounceAsync(db, changes, ct); // a few notices for the batch: ids go as ranges
                    await transaction.CommitAsync(ct);
                }
                finally
                {
                    foreach (var row in byUid.Values) _cache.WriteFinished(row.Id, null); // the next read of each goes to the database
                }
            }
        }
        foreach (var change in changes) await notifier.PublishAsync(change);
        var notStored = dryRun ? created.ToHashSet() : []; // a contact a dry run did not create has no id
        return [.. judged.Select(j => new ImportOutcome(j.Index, j.Result, j.Row is null || notStored.Contains(j.Row) ? null : j.Row.Id, j.Errors))];
    }

    /// <summary>The stored contacts whose UID a valid card names, tracked for update, in a few queries rather than one per card.</summary>
    private static async Task<Dictionary<string, ContactRow>> StoredWithUidsAsync(
        AgendaDbContext db, IReadOnlyList<(ContactCard Card, Dictionary<string, string[]> Errors)> cards, CancellationToken ct)
    {
        var uids = cards.Where(c => c.Errors.Count == 0 && c.Card.Uid.Length > 0).Select(c => c.Card.Uid).Distinct(StringComparer.Ordinal);
        var stored = new Dictionary<string, ContactRow>(StringComparer.Ordinal);
        foreach (var chunk in uids.Chunk(UidsPerQuery))
            foreach (var row in await db.Contacts.Where(c => chunk.Contains(c.Uid)).ToListAsync(ct))
                stored[row.Uid] = row;
        return stored;
    }

    /// <summary>What the batch does with one card, before ids are known.</summary>
    private sealed record Judged(int Index, ImportResult Result, ContactRow? Row, IReadOnlyDictionary<string, string[]>? Errors = null);
}
