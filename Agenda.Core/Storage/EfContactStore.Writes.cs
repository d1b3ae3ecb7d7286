using Agenda.Core.Contacts;
using Agenda.Core.Storage.Writing;

namespace Agenda.Core.Storage;

/// <remarks>
/// Every write goes through this process's <see cref="WriteQueue"/> (group commit); what can be refused without the
/// database (an invalid card) is refused here, before it queues. Writes are correct with other writers on the same
/// database (PostgreSQL instances): a new id comes from one atomic UPDATE of the counter, and each change is checked
/// against the stored version by the UPDATE or DELETE itself (the Version column is a concurrency token).
/// </remarks>
internal sealed partial class EfContactStore
{
    public Task<Contact> CreateAsync(ContactCard card, WriteOrigin origin, CancellationToken ct = default) =>
        _writes.WriteAsync(new NewContactWrite(ValidOrThrow(card), origin), ct);

    public Task<Contact> UpdateAsync(long id, ContactCard card, long? expectedVersion, WriteOrigin origin, CancellationToken ct = default)
    {
        var fields = ValidOrThrow(card); // before the queue: refused input never waits behind other writers
        return _writes.WriteAsync(new EditContactWrite(id, expectedVersion,
            current => fields.Uid.Length == 0 ? fields with { Uid = current.Card.Uid } : fields, origin) { KnownUid = fields.Uid }, ct);
    }

    public Task<Contact> PatchAsync(long id, ContactPatch patch, long? expectedVersion, WriteOrigin origin, CancellationToken ct = default) =>
        _writes.WriteAsync(new EditContactWrite(id, expectedVersion, current => Merge(current, patch), origin), ct);

    public Task DeleteAsync(long id, long? expectedVersion, WriteOrigin origin, CancellationToken ct = default) =>
        _writes.WriteAsync(new DeleteContactWrite(id, expectedVersion, origin), ct);

    /// <summary>
    /// One write, in a transaction of its own, for the whole batch of cards; a dry run reads what it needs and does not
    /// queue, since it writes nothing.
    /// </summary>
    public Task<IReadOnlyList<ImportOutcome>> ImportAsync(
        IReadOnlyList<ContactCard> cards, bool dryRun, WriteOrigin origin, CancellationToken ct = default)
    {
        var judged = cards.Select(ContactValidator.Validate).ToList();
        return dryRun ? ImportWrite.DryRunAsync(judged, _parts, ct) : _writes.WriteAsync(new ImportWrite(judged, origin), ct);
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
}
