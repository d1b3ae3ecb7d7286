using Agenda.Core.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Agenda.Core.Storage.Writing;

/// <summary>Stores a validated card as a new contact: a card without a UID gets one, a card with a taken UID is refused.</summary>
internal sealed class NewContactWrite(ContactCard card, WriteOrigin origin) : PendingWrite<Contact>(origin)
{
    private ContactRow? _row;

    public override string? NamedUid => card.Uid.Length > 0 ? card.Uid : null;

    protected override async ValueTask JudgeAsync(WriteBatch batch, CancellationToken ct)
    {
        _row = null;
        if (card.Uid.Length == 0) _row = batch.Create(card with { Uid = Guid.NewGuid().ToString() });
        else if (await batch.UidOwnerAsync(card.Uid, ct) is { } owner) Refuse(() => UidTaken(owner.Id)); // its id may come at the commit
        else _row = batch.Create(card);
    }

    protected override IReadOnlyList<ContactChange> Sealed()
    {
        var created = Result = _row!.ToContact();
        return [new ContactChange(created.Id, ChangeKind.Created, created.Version, Origin.Door, created, Origin.Who)];
    }

    public override async Task<bool> RetryAfterAsync(DbUpdateException failure, int attempt, StoreParts parts, CancellationToken ct)
    {
        // Another instance may have stored this UID since the check: say so as the check would have.
        if (card.Uid.Length > 0 && await parts.UidOwnerAsync(card.Uid, ct) is { } owner) Refuse(() => UidTaken(owner));
        else Fail(failure);
        return false;
    }
}
