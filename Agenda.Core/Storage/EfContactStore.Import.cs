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
            var byUid = new Dictionary<string, ContactRow>(StringComparer.Ordinal); // this batch's rows, created or updated
            var now = clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < cards.Count; i++)
            {
                var (card, errors) = ContactValidator.Validate(cards[i]);
                if (errors.Count > 0) { outcomes.Add(new(i, ImportResult.Invalid, null, errors)); continue; }

                var row = card.Uid.Length == 0 ? null
                    : byUid.GetValueOrDefault(card.Uid) ?? await db.Contacts.SingleOrDefaultAsync(c => c.Uid == card.Uid, ct);
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
            var stored = byUid.Values.ToDictionary(r => r.Id, r => r.ToContact());
            changes = [.. changes.Select(c => c with { Contact = stored[c.ContactId], Version = stored[c.ContactId].Version })];
        }
        finally { _writeGate.Release(); }
        foreach (var change in changes) await notifier.PublishAsync(change);
        return outcomes;
    }
}
