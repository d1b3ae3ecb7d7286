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

    /// <summary>Contacts ordered by id with <c>Id &gt; afterId</c> (keyset paging; pass -1 for the first page).
    /// <paramref name="search"/> matches names and email case-insensitively and the digits of the phone number.</summary>
    Task<ContactPage> ListAsync(string? search, long afterId, int pageSize, CancellationToken ct = default);

    /// <summary>Every contact ordered by id, streamed from one read with no count: for callers that want them all
    /// (the original agenda's <c>listar_todos</c>). Under WAL the read does not block writers.</summary>
    IAsyncEnumerable<Contact> ReadAllAsync(CancellationToken ct = default);

    /// <exception cref="ContactValidationException"/>
    Task<Contact> CreateAsync(ContactInput input, WriteOrigin origin, CancellationToken ct = default);

    /// <summary>Replaces the four fields. When <paramref name="expectedVersion"/> is given and differs, nothing changes.</summary>
    /// <exception cref="ContactNotFoundException"/> <exception cref="ContactValidationException"/> <exception cref="ContactVersionConflictException"/>
    Task<Contact> UpdateAsync(long id, ContactInput input, long? expectedVersion, WriteOrigin origin, CancellationToken ct = default);

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

    /// <summary>Number of contacts matching <paramref name="search"/> (all when null or empty).</summary>
    Task<int> CountAsync(string? search, CancellationToken ct = default);

    /// <summary>True when the database answers; used by /healthz.</summary>
    Task<bool> PingAsync(CancellationToken ct = default);
}

/// <summary>One page of contacts. <see cref="HasMore"/> is true when contacts beyond the last item match.</summary>
public sealed record ContactPage(IReadOnlyList<Contact> Items, bool HasMore, int Total);
