using Agenda.Core.Contacts;

namespace Agenda.Core.Storage;

/// <summary>
/// The one seam all three front doors (RMI, REST, UI) use. Validation and change notification live
/// behind it so no door can skip them. Errors for caller mistakes are <see cref="ContactStoreException"/>s.
/// </summary>
public interface IContactStore
{
    /// <exception cref="ContactNotFoundException"/>
    Task<Contact> GetAsync(long id, CancellationToken ct = default);

    /// <summary>The contact whose card has this vCard UID, or null.</summary>
    Task<Contact?> FindByUidAsync(string uid, CancellationToken ct = default);

    /// <summary>Contacts ordered by id with <c>Id &gt; afterId</c> (keyset paging; pass -1 for the first page) that
    /// match <paramref name="filter"/> (null: all; a string converts to a search).</summary>
    Task<ContactPage> ListAsync(ContactFilter? filter, long afterId, int pageSize, CancellationToken ct = default);

    /// <summary>The items of <see cref="ListAsync"/> without its total: one query instead of two, for callers that show
    /// no count (Pyro's <c>list</c> and <c>search</c>; over 100,000 contacts a common term's count costs what its page does).</summary>
    async Task<IReadOnlyList<Contact>> PageAsync(ContactFilter? filter, long afterId, int pageSize, CancellationToken ct = default) =>
        (await ListAsync(filter, afterId, pageSize, ct)).Items;

    /// <summary>Every contact matching <paramref name="filter"/> ordered by id, streamed from one read with no count: for
    /// callers that want them all (the original agenda's <c>listar_todos</c>, exports). Under WAL the read does not block writers.</summary>
    IAsyncEnumerable<Contact> ReadAllAsync(ContactFilter? filter = null, CancellationToken ct = default);

    /// <summary>Every contact's id and four original fields ordered by id, streamed from one read that leaves the rest of
    /// the card unread: the original agenda's <c>listar_todos</c> over a large book, without a whole card per row.</summary>
    IAsyncEnumerable<ContactSummary> ReadSummariesAsync(CancellationToken ct = default);

    /// <summary>Every group in use, with how many contacts are in it, ordered by name.</summary>
    Task<IReadOnlyList<ContactGroup>> GroupsAsync(CancellationToken ct = default);

    /// <summary>Stores a new contact. A card without a UID gets a new one.</summary>
    /// <exception cref="ContactValidationException"/>
    Task<Contact> CreateAsync(ContactCard card, WriteOrigin origin, CancellationToken ct = default);

    /// <summary>Replaces the whole card (a card without a UID keeps the stored one). When <paramref name="expectedVersion"/>
    /// is given and differs, nothing changes.</summary>
    /// <exception cref="ContactNotFoundException"/> <exception cref="ContactValidationException"/> <exception cref="ContactVersionConflictException"/>
    Task<Contact> UpdateAsync(long id, ContactCard card, long? expectedVersion, WriteOrigin origin, CancellationToken ct = default);

    /// <summary>
    /// Imports cards in one transaction: each valid card creates a contact, or replaces the card of the contact with its
    /// UID (an earlier card of the same batch included); an invalid card is skipped alone, with its errors. With
    /// <paramref name="dryRun"/> nothing is stored and nothing published: the outcomes say what would happen.
    /// </summary>
    Task<IReadOnlyList<ImportOutcome>> ImportAsync(IReadOnlyList<ContactCard> cards, bool dryRun, WriteOrigin origin, CancellationToken ct = default);

    /// <summary>
    /// Changes the fields <paramref name="patch"/> gives and keeps the others, in one step: the merge always applies
    /// to the stored contact, so concurrent patches of different fields all land. When <paramref name="expectedVersion"/>
    /// is given and differs, nothing changes. The merged contact is validated as a whole. A patch that leaves every
    /// field as it is writes nothing: the stored contact comes back with its version, and no change is published.
    /// </summary>
    /// <exception cref="ContactNotFoundException"/> <exception cref="ContactValidationException"/> <exception cref="ContactVersionConflictException"/>
    Task<Contact> PatchAsync(long id, ContactPatch patch, long? expectedVersion, WriteOrigin origin, CancellationToken ct = default);

    /// <exception cref="ContactNotFoundException"/> <exception cref="ContactVersionConflictException"/>
    Task DeleteAsync(long id, long? expectedVersion, WriteOrigin origin, CancellationToken ct = default);

    /// <summary>Number of contacts matching <paramref name="filter"/> (all when null).</summary>
    Task<int> CountAsync(ContactFilter? filter, CancellationToken ct = default);

    /// <summary>True when the database answers; used by /healthz.</summary>
    Task<bool> PingAsync(CancellationToken ct = default);
}

/// <summary>One page of contacts. <see cref="HasMore"/> is true when contacts beyond the last item match.</summary>
public sealed record ContactPage(IReadOnlyList<Contact> Items, bool HasMore, int Total);

/// <summary>A group and how many contacts are in it.</summary>
public sealed record ContactGroup(string Name, int Count);

/// <summary>What <see cref="IContactStore.ImportAsync"/> did with one card.</summary>
public enum ImportResult { Created, Updated, Unchanged, Invalid }

/// <summary>
/// The outcome for the card at <paramref name="Index"/> (from 0, in the order given). <paramref name="Id"/> is the contact
/// created or updated (null for a created card in a dry run); <paramref name="Errors"/> is set when it is invalid.
/// </summary>
public sealed record ImportOutcome(int Index, ImportResult Result, long? Id, IReadOnlyDictionary<string, string[]>? Errors = null);
