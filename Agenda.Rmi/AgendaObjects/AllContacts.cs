using Agenda.Core.Contacts;
using Agenda.Core.Storage;

namespace Agenda.Rmi.AgendaObjects;

internal static class AllContacts
{
    private const int PageSize = 1000;

    /// <summary>Every contact (matching <paramref name="search"/>) ordered by id, read page by page so no query holds the database long.</summary>
    public static async Task<List<Contact>> ReadAsync(IContactStore store, CancellationToken ct, string? search = null)
    {
        var all = new List<Contact>();
        long after = -1;
        while (true)
        {
            var page = await store.ListAsync(search, after, PageSize, ct);
            all.AddRange(page.Items);
            if (!page.HasMore || page.Items.Count == 0) return all;
            after = page.Items[^1].Id;
        }
    }
}
