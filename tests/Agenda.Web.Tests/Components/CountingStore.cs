using System.Runtime.CompilerServices;
using Agenda.Core.Contacts;
using Agenda.Core.Storage;

namespace Agenda.Web.Tests.Components;

/// <summary>The real store, noting which of its reads were called: what a page asks of the store while it applies changes.</summary>
public sealed class CountingStore(IContactStore store) : IContactStore
{
    public List<string> Calls { get; } = [];

    private T Noted<T>(T result, [CallerMemberName] string name = "")
    {
        lock (Calls) Calls.Add(name);
        return result;
    }

    public Task<Contact> GetAsync(long id, CancellationToken ct = default) => Noted(store.GetAsync(id, ct));
    public Task<Contact?> FindByUidAsync(string uid, CancellationToken ct = default) => Noted(store.FindByUidAsync(uid, ct));
    /// <summary>Run after each page is read (<see cref="ListAsync"/>, <see cref="PageAsync"/>), before its caller gets it: a write made between two reads.</summary>
    public Func<ContactFilter?, Task>? AfterList { get; init; }

    public async Task<ContactPage> ListAsync(ContactFilter? filter, long afterId, int pageSize, CancellationToken ct = default)
    {
        var page = await Noted(store.ListAsync(filter, afterId, pageSize, ct));
        if (AfterList is { } after) await after(filter);
        return page;
    }

    public async Task<IReadOnlyList<Contact>> PageAsync(ContactFilter? filter, long afterId, int pageSize, CancellationToken ct = default)
    {
        var page = await Noted(store.PageAsync(filter, afterId, pageSize, ct));
        if (AfterList is { } after) await after(filter);
        return page;
    }
    public IAsyncEnumerable<Contact> ReadAllAsync(ContactFilter? filter = null, CancellationToken ct = default) =>
        Noted(store.ReadAllAsync(filter, ct));
    public IAsyncEnumerable<ContactSummary> ReadSummariesAsync(CancellationToken ct = default) => Noted(store.ReadSummariesAsync(ct));
    public Task<IReadOnlyList<ContactGroup>> GroupsAsync(CancellationToken ct = default) => Noted(store.GroupsAsync(ct));
    public Task<int> CountAsync(ContactFilter? filter, CancellationToken ct = default) => Noted(store.CountAsync(filter, ct));
    public Task<bool> PingAsync(CancellationToken ct = default) => store.PingAsync(ct);

    public Task<Contact> CreateAsync(ContactCard card, WriteOrigin origin, CancellationToken ct = default) => store.CreateAsync(card, origin, ct);
    public Task<Contact> UpdateAsync(long id, ContactCard card, long? expectedVersion, WriteOrigin origin, CancellationToken ct = default) =>
        store.UpdateAsync(id, card, expectedVersion, origin, ct);
    public Task<IReadOnlyList<ImportOutcome>> ImportAsync(IReadOnlyList<ContactCard> cards, bool dryRun, WriteOrigin origin, CancellationToken ct = default) =>
        store.ImportAsync(cards, dryRun, origin, ct);
    public Task<Contact> PatchAsync(long id, ContactPatch patch, long? expectedVersion, WriteOrigin origin, CancellationToken ct = default) =>
        store.PatchAsync(id, patch, expectedVersion, origin, ct);
    public Task DeleteAsync(long id, long? expectedVersion, WriteOrigin origin, CancellationToken ct = default) =>
        store.DeleteAsync(id, expectedVersion, origin, ct);
}
