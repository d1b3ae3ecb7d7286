using Agenda.Core.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Agenda.Core.Storage;

internal sealed partial class EfContactStore
{
    /// <summary>
    /// One transaction for the whole batch, under the write gate: a batch of 10,000 cards costs one commit, not 10,000,
    /// and a failure (a full disk) stores none of it rather than part. Cards are checked one by one first, so an invalid
    /// card is skipped alone and never reaches the database.
    /// </summary>
    public async Task<IReadOnlyList<ImportOutcome>> ImportAsync(
        IReadOnlyList<ContactCard> cards, bool dryRun, WriteOrigin origin, CancellationToken ct = default)
    {
        var outcomes = new List<ImportOutcome>(cards.Count);
        var changes = new List<ContactChange>();
        await _writeGate.WaitAsync(ct);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var counter = await db.IdCounters.SingleAsync(c => c.Name == AgendaDbContext.ContactIdCounter, ct);
            var byUid = await RowsWithUidsAsync(db, cards, ct); // the stored rows these cards name, then this batch's own
            var now = clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < cards.Count; i++)
            {
                var (card, errors) = ContactValidator.Validate(cards[i]);
                if (errors.Count > 0) { outcomes.Add(new(i, ImportResult.Invalid, null, errors)); continue; }

                var row = card.Uid.Length == 0 ? null : byUid.GetValueOrDefault(card.Uid);
                if (row is null)
                {
                    row = new ContactRow { Id = counter.Next++, Version = 1, CreatedAt = now, UpdatedAt = now };
                    row.SetCard(card.Uid.Length == 0 ? card with { Uid = Guid.NewGuid().ToString() } : card);
                    db.Contacts.Add(row);
                    outcomes.Add(new(i, ImportResult.Created, dryRun ? null : row.Id));
                    changes.Add(new(row.Id, ChangeKind.Created, row.Version, origin.Door, null, origin.Who));
                }
                else if (row.ToContact().Card == card) outcomes.Add(new(i, ImportResult.Unchanged, row.Id));
                else
                {
                    row.SetCard(card);
                    row.Version++;
                    row.UpdatedAt = now;
                    outcomes.Add(new(i, ImportResult.Updated, row.Id));
                    changes.Add(new(row.Id, ChangeKind.Updated, row.Version, origin.Door, null, origin.Who));
                }
                byUid[row.Uid] = row;
            }
            if (dryRun || changes.Count == 0) return outcomes;

            _cache.WriteStarting();
            try { await db.SaveChangesAsync(ct); }
            finally
            {
                foreach (var row in byUid.Values) _cache.WriteFinished(row.Id, null); // the next read of each goes to the database
            }
            var changed = changes.Select(c => c.ContactId).ToHashSet();
            var stored = byUid.Values.Where(r => changed.Contains(r.Id)).ToDictionary(r => r.Id, r => r.ToContact());
            changes = [.. changes.Select(c => c with { Contact = stored[c.ContactId], Version = stored[c.ContactId].Version })];
        }
        finally { _writeGate.Release(); }
        foreach (var change in changes) await notifier.PublishAsync(change);
        return outcomes;
    }

    /// <summary>
    /// The stored rows whose UID one of the cards carries, tracked for update, found with one query per thousand UIDs
    /// rather than one per card (10,000 cards: 10 queries). Cards are looked up by their trimmed UID, as validation stores it.
    /// </summary>
    private static async Task<Dictionary<string, ContactRow>> RowsWithUidsAsync(
        AgendaDbContext db, IReadOnlyList<ContactCard> cards, CancellationToken ct)
    {
        var rows = new Dictionary<string, ContactRow>(StringComparer.Ordinal);
        var uids = cards.Select(c => (c.Uid ?? "").Trim()).Where(u => u.Length > 0).Distinct().ToList();
        foreach (var chunk in uids.Chunk(1000))
            foreach (var row in await db.Contacts.Where(c => chunk.Contains(c.Uid)).ToListAsync(ct))
                rows[row.Uid] = row;
        return rows;
    }
}
