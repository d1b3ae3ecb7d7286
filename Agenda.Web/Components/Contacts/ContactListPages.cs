using Agenda.Core.Contacts;
using Agenda.Core.Storage;

namespace Agenda.Web.Components.Contacts;

/// <summary>
/// The contact list as the page shows it: favourites first, then everyone else, each part in id order, a page at a time
/// (<see cref="ListPosition"/>). The store pages by id alone (keyset paging: <c>Id &gt; afterId</c>), so the list is two
/// keyset sequences back to back, the favourites' (<c>Favorite = true</c>) and then the others' (<c>Favorite = false</c>),
/// and a page that reaches the end of the favourites is topped up from the start of the others. A page starts after a
/// position; the starts of the pages visited are kept so Previous can go back. Every page but the last is full, so
/// "51–100 of 230" stays true. With the Favourites filter on, only the first sequence is read. Changes made meanwhile
/// are applied by <see cref="ApplyAsync"/> (ContactListPages.Changes.cs).
/// </summary>
public sealed partial class ContactListPages(IContactStore store, int pageSize)
{
    private readonly Stack<ListPosition> _starts = new([ListPosition.First]);
    private List<Contact> _items = [];

    public ContactFilter Filter { get; private set; } = ContactFilter.All;
    public IReadOnlyList<Contact> Items => _items;
    public int Total { get; private set; }
    public bool HasPrevious => _starts.Count > 1;

    /// <summary>True when contacts follow this page's last one; then the page is full.</summary>
    public bool HasNext { get; private set; }

    public string Summary
    {
        get
        {
            var first = (_starts.Count - 1) * pageSize + 1;
            return Total == 0 ? "No contacts" : $"{first}–{first + _items.Count - 1} of {Total}";
        }
    }

    // Moving only changes where the page starts; LoadAsync reads it.

    /// <summary>Back to the first page, of the contacts <paramref name="filter"/> wants.</summary>
    public void Show(ContactFilter filter)
    {
        Filter = filter;
        _starts.Clear();
        _starts.Push(ListPosition.First);
    }

    /// <summary>The next page starts after this one's last contact.</summary>
    public void Next()
    {
        if (HasNext) _starts.Push(ListPosition.Of(_items[^1]));
    }

    public void Previous()
    {
        if (HasPrevious) _starts.Pop();
    }

    /// <summary>A list at the same place (filter and page starts), not loaded: what a fresh load of this page reads.</summary>
    public ContactListPages SamePlace()
    {
        var copy = new ContactListPages(store, pageSize) { Filter = Filter };
        copy._starts.Clear();
        foreach (var start in _starts.Reverse()) copy._starts.Push(start);
        return copy;
    }

    /// <summary>Reads the page that starts where the last move left it, or the current one again after a change.</summary>
    public async Task LoadAsync()
    {
        await LoadPageAsync(_starts.Peek());
        // A page emptied by deletes elsewhere: step back rather than show nothing.
        if (_items.Count == 0 && _starts.Count > 1)
        {
            _starts.Pop();
            await LoadPageAsync(_starts.Peek());
        }
    }

    private async Task LoadPageAsync(ListPosition start)
    {
        // The count is one query over the whole filter: summing the favourites' and the others' counts, taken at two
        // moments, counts a contact starred or unstarred between them twice or not at all, and no later change says so.
        if (Filter.Favorite is not null)
        {
            var only = await ReadAsync(Filter, start.Id, pageSize);
            Show(only.Items, only.HasMore, await store.CountAsync(Filter));
            return;
        }
        var favorites = Filter with { Favorite = true };
        var others = Filter with { Favorite = false };
        if (!start.Favorite)
        {
            var rest = await ReadAsync(others, start.Id, pageSize);
            Show(rest.Items, rest.HasMore, await store.CountAsync(Filter));
            return;
        }
        var favored = await ReadAsync(favorites, start.Id, pageSize);
        var room = pageSize - favored.Items.Count;
        if (favored.HasMore || room == 0)
        {
            var othersFollow = favored.HasMore || await store.CountAsync(others) > 0;
            Show(favored.Items, othersFollow, await store.CountAsync(Filter));
            return;
        }
        var topUp = await ReadAsync(others, -1, room);
        Show(Merged(favored.Items, topUp.Items), topUp.HasMore, await store.CountAsync(Filter));
    }

    /// <summary>Up to <paramref name="size"/> contacts after <paramref name="afterId"/>, and whether more follow: one read, no count.</summary>
    private async Task<(IReadOnlyList<Contact> Items, bool HasMore)> ReadAsync(ContactFilter filter, long afterId, int size)
    {
        var rows = await store.PageAsync(filter, afterId, size + 1);
        return ([.. rows.Take(size)], rows.Count > size);
    }

    /// <summary>
    /// The favourites then the others, read by two queries: a contact starred or unstarred between them is in both, at
    /// two versions. It is shown once, at its newer version and in that version's part (two rows with one key would
    /// fail the table's render and, in a browser, end the page's circuit).
    /// </summary>
    private static List<Contact> Merged(IReadOnlyList<Contact> favored, IReadOnlyList<Contact> others)
    {
        var newest = new Dictionary<long, long>();
        foreach (var c in favored.Concat(others)) newest[c.Id] = Math.Max(newest.GetValueOrDefault(c.Id), c.Version);
        return [.. favored.Concat(others).Where(c => c.Version == newest[c.Id])];
    }

    private void Show(IReadOnlyList<Contact> items, bool hasNext, int total) =>
        (_items, HasNext, Total, CountStale) = ([.. items], hasNext, total, false);
}
