using Agenda.Core.Contacts;
using Agenda.Core.Storage;

namespace Agenda.Web.Components.Contacts;

/// <remarks>
/// How a change reaches the page shown, which holds the contacts matching the filter after its start position, up to
/// its last one when it <see cref="HasNext"/> (that stretch is the page's window), else all of them:
/// <code>
/// change                                         page
/// Created/Updated, shown, newer version          replaced (and re-sorted) if it still matches and stays in the window,
///                                                else removed: a hole the next page fills, so read again (HasNext)
/// Created/Updated, not shown, outside window     nothing: the window holds the same contacts as before
/// Created/Updated, not shown, inside window      inserted if it matches (the last one spills to the next page)
/// Deleted, shown                                 removed (read again if HasNext)
/// Deleted, not shown                             nothing
/// Resync, or a search decides the match          read again
/// </code>
/// Changes can arrive after a load that already shows them, or out of order (two writers publish after committing, not
/// in commit order): a contact shown is replaced only by a newer version, and one moving in is first read by id (a
/// cached lookup on SQLite), so the page never shows a version older than it already showed or a contact deleted meanwhile.
/// Counts are never adjusted by one: a change can arrive after a count that already has it, so the count is read
/// again (one COUNT, no rows) after a change may have altered it.
/// </remarks>
public sealed partial class ContactListPages
{
    private enum Effect { None, Recount, Reload }

    /// <summary>True when a change may have altered <see cref="Total"/> since it was read: see <see cref="RecountAsync"/>.</summary>
    public bool CountStale { get; private set; }

    /// <summary>
    /// Brings the page's rows up to date with <paramref name="changes"/>, in the order they were published. Returns
    /// whether the rows shown changed; the count is left to <see cref="RecountAsync"/>, which a page may call later.
    /// </summary>
    public async Task<bool> ApplyAsync(IReadOnlyList<ContactChange> changes)
    {
        var before = Fingerprint();
        foreach (var change in changes)
        {
            // Decided in memory: a burst of thousands per refresh, of which only a contact moving in needs a read.
            var effect = Apply(change, out var movingIn);
            if (movingIn is not null) await MoveInAsync(movingIn);
            if (effect == Effect.Reload)
            {
                await LoadAsync(); // shows every change of the batch: they were all published before it reads
                return true;
            }
            CountStale |= effect == Effect.Recount;
        }
        if (_items.Count == 0 && HasPrevious)
        {
            await LoadAsync(); // steps back
            return true;
        }
        return !Fingerprint().SequenceEqual(before);
    }

    /// <summary>Reads the count again when a change may have altered it.</summary>
    public async Task RecountAsync()
    {
        if (!CountStale) return;
        Total = await store.CountAsync(Filter);
        CountStale = false;
    }

    private (long Id, long Version)[] Fingerprint() => [.. _items.Select(c => (c.Id, c.Version))];

    /// <param name="movingIn">A contact that may enter the window: the caller reads it as it is now (<see cref="MoveInAsync"/>).</param>
    private Effect Apply(ContactChange change, out Contact? movingIn)
    {
        movingIn = null;
        if (change.Kind == ChangeKind.Resync) return Effect.Reload;
        var at = IndexOf(change.ContactId);
        if (change.Kind == ChangeKind.Deleted)
        {
            if (at < 0) return Effect.Recount;
            _items.RemoveAt(at);
            return HasNext ? Effect.Reload : Effect.Recount;
        }
        if (change.Contact is not { } contact) return Effect.Reload; // nothing to apply
        if (at >= 0) return ApplyToShown(at, contact);
        var counted = NotShownEffect(change.Kind);
        if (!InWindow(contact)) return counted;
        switch (Filter.Matches(contact.Card))
        {
            case null: return Effect.Reload;
            case false: return counted;
        }
        movingIn = contact;
        return counted;
    }

    // Moving in: as it is now, which a later change (not heard yet) or a load before this change may have moved on.
    private async Task MoveInAsync(Contact heard)
    {
        if (await CurrentAsync(heard) is not { } current || !InWindow(current) || Filter.Matches(current.Card) != true) return;
        Insert(current);
        if (_items.Count > pageSize)
        {
            _items.RemoveAt(_items.Count - 1); // spills to the next page
            HasNext = true;
        }
    }

    private int IndexOf(long id)
    {
        for (var i = 0; i < _items.Count; i++)
            if (_items[i].Id == id) return i;
        return -1;
    }

    private Effect ApplyToShown(int at, Contact contact)
    {
        if (_items[at].Version >= contact.Version) return Effect.None; // heard late: the page has it, or newer
        if (Filter.Matches(contact.Card) is not { } matches) return Effect.Reload;
        var stays = matches && InWindow(contact); // the window as it is, this contact included
        _items.RemoveAt(at);
        if (stays)
        {
            Insert(contact);
            return Effect.None; // shown before, shown now: the count holds
        }
        return HasNext ? Effect.Reload : Effect.Recount;
    }

    // A contact the page does not show: created, it may count; updated, it may have entered or left the filter.
    private Effect NotShownEffect(ChangeKind kind) =>
        kind == ChangeKind.Created || Filter != ContactFilter.All ? Effect.Recount : Effect.None;

    private bool InWindow(Contact contact)
    {
        var position = ListPosition.Of(contact);
        return position > _starts.Peek() && (!HasNext || position <= ListPosition.Of(_items[^1]));
    }

    private void Insert(Contact contact)
    {
        var position = ListPosition.Of(contact);
        var at = _items.FindIndex(c => ListPosition.Of(c) > position);
        _items.Insert(at < 0 ? _items.Count : at, contact);
    }

    private async Task<Contact?> CurrentAsync(Contact heard)
    {
        try
        {
            var stored = await store.GetAsync(heard.Id);
            return stored.Version >= heard.Version ? stored : heard;
        }
        catch (ContactNotFoundException) { return null; }
    }
}
