using Agenda.Core.Contacts;
using Agenda.Core.Storage;

namespace Agenda.Web.Components.Contacts;

/// <summary>
/// The contact list as the page shows it: favourites first, then everyone else, each part in id order, a page at a time.
/// The store pages by id alone (keyset paging: <c>Id &gt; afterId</c>), so the list is two keyset sequences back to back,
/// the favourites' (<c>Favorite = true</c>) and then the others' (<c>Favorite = false</c>), and a page that reaches the
/// end of the favourites is topped up from the start of the others. A page starts at a <see cref="PageStart"/> (which
/// sequence, and the id it continues after); the starts of the pages visited are kept so Previous can go back. Every page
/// but the last is full, so "51–100 of 230" stays true. With the Favourites filter on, only the first sequence is read.
/// </summary>
public sealed class ContactListPages(IContactStore store, int pageSize)
{
    private readonly record struct PageStart(bool InFavorites, long AfterId)
    {
        public static readonly PageStart First = new(true, -1);
    }

    private readonly Stack<PageStart> _starts = new([PageStart.First]);
    private PageStart? _next;

    public ContactFilter Filter { get; private set; } = ContactFilter.All;
    public IReadOnlyList<Contact> Items { get; private set; } = [];
    public int Total { get; private set; }
    public bool HasPrevious => _starts.Count > 1;
    public bool HasNext => _next is not null;

    public string Summary
    {
        get
        {
            var first = (_starts.Count - 1) * pageSize + 1;
            return Total == 0 ? "No contacts" : $"{first}–{first + Items.Count - 1} of {Total}";
        }
    }

    // Moving only changes where the page starts; LoadAsync reads it. Kept apart so a move made while a load is running
    // (RefreshGate coalesces loads) is read by the load that follows, not lost.

    /// <summary>Back to the first page, of the contacts <paramref name="filter"/> wants.</summary>
    public void Show(ContactFilter filter)
    {
        Filter = filter;
        _starts.Clear();
        _starts.Push(PageStart.First);
    }

    public void Next()
    {
        if (_next is { } next) _starts.Push(next);
    }

    public void Previous()
    {
        if (HasPrevious) _starts.Pop();
    }

    /// <summary>Reads the page that starts where the last move left it, or the current one again after a change.</summary>
    public async Task LoadAsync()
    {
        await LoadPageAsync(_starts.Peek());
        // A page emptied by deletes elsewhere: step back rather than show nothing.
        if (Items.Count == 0 && _starts.Count > 1)
        {
            _starts.Pop();
            await LoadPageAsync(_starts.Peek());
        }
    }

    private async Task LoadPageAsync(PageStart start)
    {
        if (Filter.Favorite is not null)
        {
            var only = await store.ListAsync(Filter, start.AfterId, pageSize);
            Show(only.Items, only.HasMore ? start with { AfterId = only.Items[^1].Id } : null, only.Total);
            return;
        }
        var favorites = Filter with { Favorite = true };
        var others = Filter with { Favorite = false };
        if (!start.InFavorites)
        {
            var rest = await store.ListAsync(others, start.AfterId, pageSize);
            Show(rest.Items, rest.HasMore ? new(false, rest.Items[^1].Id) : null, await store.CountAsync(favorites) + rest.Total);
            return;
        }
        var favored = await store.ListAsync(favorites, start.AfterId, pageSize);
        var room = pageSize - favored.Items.Count;
        if (favored.HasMore || room == 0)
        {
            var othersCount = await store.CountAsync(others);
            var next = favored.HasMore ? new PageStart(true, favored.Items[^1].Id) : othersCount > 0 ? new PageStart(false, -1) : (PageStart?)null;
            Show(favored.Items, next, favored.Total + othersCount);
            return;
        }
        var topUp = await store.ListAsync(others, -1, room);
        Show([.. favored.Items, .. topUp.Items], topUp.HasMore ? new(false, topUp.Items[^1].Id) : null, favored.Total + topUp.Total);
    }

    private void Show(IReadOnlyList<Contact> items, PageStart? next, int total) => (Items, _next, Total) = (items, next, total);
}
