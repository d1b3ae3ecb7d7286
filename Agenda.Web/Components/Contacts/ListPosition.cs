using Agenda.Core.Contacts;

namespace Agenda.Web.Components.Contacts;

/// <summary>
/// A place in the contact list's order: favourites first, then everyone else, each part in id order. A page starts
/// after a position (<see cref="First"/> comes before every contact) and holds the contacts that follow it.
/// </summary>
public readonly record struct ListPosition(bool Favorite, long Id) : IComparable<ListPosition>
{
    public static readonly ListPosition First = new(true, -1);

    public static ListPosition Of(Contact contact) => new(contact.Card.Favorite, contact.Id);

    public int CompareTo(ListPosition other) =>
        Favorite == other.Favorite ? Id.CompareTo(other.Id) : Favorite ? -1 : 1;

    public static bool operator <(ListPosition a, ListPosition b) => a.CompareTo(b) < 0;
    public static bool operator >(ListPosition a, ListPosition b) => a.CompareTo(b) > 0;
    public static bool operator <=(ListPosition a, ListPosition b) => a.CompareTo(b) <= 0;
    public static bool operator >=(ListPosition a, ListPosition b) => a.CompareTo(b) >= 0;
}
