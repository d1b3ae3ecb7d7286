using Agenda.Core.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Agenda.Core.Storage.Writing;

/// <summary>
/// A whole import as one write, in a batch of its own: 10,000 cards cost one commit, not 10,000, and a failure (a full
/// disk) stores none of them rather than part. Cards were validated one by one before, so an invalid card is skipped
/// alone and never reaches the database; a card whose UID is stored (or came earlier in the file) updates that contact.
/// </summary>
internal sealed class ImportWrite(IReadOnlyList<(ContactCard Card, Dictionary<string, string[]> Errors)> cards, WriteOrigin origin)
    : PendingWrite<IReadOnlyList<ImportOutcome>>(origin)
{
    // An import that met another writer (a UID stored meanwhile, a contact changed since it was read) stored nothing
    // and is judged again from scratch; a failure that repeats is not another writer's doing.
    private const int Attempts = 3;

    // UIDs looked up per query: well below SQLite's and PostgreSQL's limits on parameters.
    private const int UidsPerQuery = 500;

    private List<Judged> _judged = [];

    public override bool RunsAlone => true;

    /// <summary>What an import would do, storing and publishing nothing: created contacts get no id.</summary>
    public static async Task<IReadOnlyList<ImportOutcome>> DryRunAsync(
        IReadOnlyList<(ContactCard Card, Dictionary<string, string[]> Errors)> cards, StoreParts parts, CancellationToken ct)
    {
        var import = new ImportWrite(cards, default);
        await using var batch = await WriteBatch.OpenAsync(parts, [], ct);
        await import.DecideAsync(batch, ct);
        var notStored = import._judged.Where(j => j.Result == ImportResult.Created).Select(j => j.Row).ToHashSet(); // no id: a later card may update it
        return [.. import._judged.Select(j => new ImportOutcome(j.Index, j.Result, j.Row is null || notStored.Contains(j.Row) ? null : j.Row.Id, j.Errors))];
    }

    protected override async ValueTask JudgeAsync(WriteBatch batch, CancellationToken ct)
    {
        _judged = new List<Judged>(cards.Count);
        var byUid = await StoredWithUidsAsync(batch.Db, ct); // then this import's rows too, created or updated
        for (var i = 0; i < cards.Count; i++)
        {
            var (card, errors) = cards[i];
            if (errors.Count > 0) { _judged.Add(new(i, ImportResult.Invalid, null, errors)); continue; }

            var row = card.Uid.Length == 0 ? null : byUid.GetValueOrDefault(card.Uid);
            if (row is null)
            {
                row = new ContactRow { Version = 1, CreatedAt = batch.Now, UpdatedAt = batch.Now };
                row.SetCard(card.Uid.Length == 0 ? card with { Uid = Guid.NewGuid().ToString() } : card);
                batch.Add(row);
                _judged.Add(new(i, ImportResult.Created, row));
            }
            else if (row.ToContact().Card == card) _judged.Add(new(i, ImportResult.Unchanged, row));
            else
            {
                batch.Change(row, card);
                _judged.Add(new(i, ImportResult.Updated, row));
            }
            byUid[row.Uid] = row;
        }
    }

    protected override IReadOnlyList<ContactChange> Sealed()
    {
        Result = [.. _judged.Select(j => new ImportOutcome(j.Index, j.Result, j.Row?.Id, j.Errors))];
        return [.. _judged.Where(j => j.Result is ImportResult.Created or ImportResult.Updated).Select(j => new ContactChange(
            j.Row!.Id, j.Result == ImportResult.Created ? ChangeKind.Created : ChangeKind.Updated,
            j.Row.Version, Origin.Door, j.Row.ToContact(), Origin.Who))];
    }

    public override Task<bool> RetryAfterAsync(DbUpdateException failure, int attempt, StoreParts parts, CancellationToken ct)
    {
        if (attempt < Attempts) return Task.FromResult(true);
        Fail(failure);
        return Task.FromResult(false);
    }

    /// <summary>The stored contacts whose UID a valid card names, tracked for update, in a few queries rather than one per card.</summary>
    private async Task<Dictionary<string, ContactRow>> StoredWithUidsAsync(AgendaDbContext db, CancellationToken ct)
    {
        var uids = cards.Where(c => c.Errors.Count == 0 && c.Card.Uid.Length > 0).Select(c => c.Card.Uid).Distinct(StringComparer.Ordinal);
        var stored = new Dictionary<string, ContactRow>(StringComparer.Ordinal);
        foreach (var chunk in uids.Chunk(UidsPerQuery))
            foreach (var row in await db.Contacts.Where(c => chunk.Contains(c.Uid)).ToListAsync(ct))
                stored[row.Uid] = row;
        return stored;
    }

    /// <summary>What the import does with one card, before ids are known.</summary>
    private sealed record Judged(int Index, ImportResult Result, ContactRow? Row, IReadOnlyDictionary<string, string[]>? Errors = null);
}
