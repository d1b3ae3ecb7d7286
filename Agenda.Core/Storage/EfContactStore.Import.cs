using Agenda.Core.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Agenda.Core.Storage;

internal sealed partial class EfContactStore
{
    /// <summary>
    /// One transaction for the whole batch: a batch of 10,000 cards costs one commit, not 10,000, and a failure (a full
    /// disk) stores none of it rather than part. Cards are checked one by one first, so an invalid card is skipped alone
    /// and never reaches the database. New contacts take their ids as one block, in one statement, just before the commit.
    /// </summary>
    public async Task<IReadOnlyList<ImportOutcome>> ImportAsync(
        IReadOnlyList<ContactCard> cards, bool dryRun, WriteOrigin origin, CancellationToken ct = default)
    {
        var judged = new List<Judged>(cards.Count);
        var created = new List<ContactRow>(); // in card order, which is the order of their ids
        var changes = new List<ContactChange>();
        using (await _writeGate.EnterAsync(ct))
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var byUid = new Dictionary<string, ContactRow>(StringComparer.Ordinal); // this batch's rows, created or updated
            var now = Now();
            for (var i = 0; i < cards.Count; i++)
            {
                var (card, errors) = ContactValidator.Validate(cards[i]);
                if (errors.Count > 0) { judged.Add(new(i, ImportResult.Invalid, null, errors)); continue; }

                var row = card.Uid.Length == 0 ? null
                    : byUid.GetValueOrDefault(card.Uid) ?? await db.Contacts.SingleOrDefaultAsync(c => c.Uid == card.Uid, ct);
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
                    await transaction.CommitAsync(ct);
                }
                finally
                {
                    foreach (var row in byUid.Values) _cache.WriteFinished(row.Id, null); // the next read of each goes to the database
                }
                changes = [.. judged.Where(j => j.Result is ImportResult.Created or ImportResult.Updated).Select(j => new ContactChange(
                    j.Row!.Id, j.Result == ImportResult.Created ? ChangeKind.Created : ChangeKind.Updated,
                    j.Row.Version, origin.Door, j.Row.ToContact(), origin.Who))];
            }
        }
        foreach (var change in changes) await notifier.PublishAsync(change);
        var notStored = dryRun ? created.ToHashSet() : []; // a contact a dry run did not create has no id
        return [.. judged.Select(j => new ImportOutcome(j.Index, j.Result, j.Row is null || notStored.Contains(j.Row) ? null : j.Row.Id, j.Errors))];
    }

    /// <summary>What the batch does with one card, before ids are known.</summary>
    private sealed record Judged(int Index, ImportResult Result, ContactRow? Row, IReadOnlyDictionary<string, string[]>? Errors = null);
}
