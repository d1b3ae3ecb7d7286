using Agenda.Core.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Agenda.Core.Storage.Writing;

/// <summary>
/// Gives a contact the card <c>newCard</c> makes of it (an update, a patch) as its next version; null or the same card
/// leaves it as it is, and nothing is published. With an expected version, another version is a conflict.
/// </summary>
/// <remarks>
/// Of two writers holding the same version (another instance on PostgreSQL) exactly one lands: the Version column is a
/// concurrency token, so the other's SaveChanges fails. Running alone again, it names the version in a conflict when
/// its caller gave one, and otherwise starts again from the stored contact: concurrent patches of different fields all land.
/// </remarks>
internal sealed class EditContactWrite(long id, long? expectedVersion, Func<Contact, ContactCard?> newCard, WriteOrigin origin)
    : PendingWrite<Contact>(origin)
{
    // Each retry follows another writer's success, so this bounds only how long one caller can lose in a row.
    private const int Attempts = 10;

    private string _uid = "";

    /// <summary>The UID the new card will have, when known before reading the contact (an update's card).</summary>
    public string? KnownUid { get; init; }

    public override long? NamedId => id;

    public override string? NamedUid => KnownUid;

    protected override async ValueTask JudgeAsync(WriteBatch batch, CancellationToken ct)
    {
        _uid = "";
        if (batch.Find(id) is not { } row) { Refuse(() => new ContactNotFoundException(id)); return; }
        var version = row.Version;
        if (expectedVersion is { } expected && expected != version)
        {
            Refuse(() => new ContactVersionConflictException(id, expected, version));
            return;
        }
        var current = row.ToContact();
        ContactCard? card;
        try { card = newCard(current); }
        catch (ContactValidationException invalid)
        {
            Refuse(() => invalid);
            return;
        }
        Result = current;
        if (card is null || card == current.Card) return; // nothing to write, nothing to publish

        if (card.Uid.Length == 0) card = card with { Uid = Guid.NewGuid().ToString() };
        else if (await batch.UidOwnerAsync(card.Uid, ct) is { } owner && owner != row)
        {
            Refuse(() => UidTaken(owner.Id));
            return;
        }
        _uid = card.Uid;
        batch.Change(row, card);
        Result = row.ToContact(); // now: a later write of the batch may change the row again
    }

    protected override IReadOnlyList<ContactChange> Sealed() => _uid.Length == 0 ? []
        : [new ContactChange(id, ChangeKind.Updated, Result!.Version, Origin.Door, Result, Origin.Who)];

    public override async Task<bool> RetryAfterAsync(DbUpdateException failure, int attempt, StoreParts parts, CancellationToken ct)
    {
        if (failure is DbUpdateConcurrencyException)
        {
            if (expectedVersion is null) return attempt < Attempts || Failed(failure);
            var actual = await parts.VersionAsync(id, ct);
            var expected = expectedVersion.Value;
            Refuse(actual is { } version ? () => new ContactVersionConflictException(id, expected, version) : () => new ContactNotFoundException(id));
            return false;
        }
        // Another instance may have given its UID to another contact since the check: say so as the check would have.
        if (_uid.Length > 0 && await parts.UidOwnerAsync(_uid, ct) is { } owner && owner != id) Refuse(() => UidTaken(owner));
        else Fail(failure);
        return false;
    }

    private bool Failed(Exception failure)
    {
        Fail(failure);
        return false;
    }
}
