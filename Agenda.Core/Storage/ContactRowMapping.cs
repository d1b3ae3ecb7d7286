using Agenda.Core.Contacts;

namespace Agenda.Core.Storage;

internal static class ContactRowMapping
{
    public static Contact ToContact(this ContactRow r) => new(r.Id, r.ToCard(), r.Version, r.CreatedAt, r.UpdatedAt);

    private static ContactCard ToCard(this ContactRow r) =>
        (r.Details is null ? ContactCard.Simple(r.FirstName, r.SecondName, r.PhoneNumber, r.Email) : StoredCardJson.Read(r.Details))
        with { Uid = r.Uid };

    /// <summary>Copies a validated card and recomputes the columns derived from it.</summary>
    public static void SetCard(this ContactRow row, ContactCard card)
    {
        row.FirstName = card.FirstName;
        row.SecondName = card.SecondName;
        row.PhoneNumber = card.PhoneNumber;
        row.Email = card.Email;
        row.Uid = card.Uid;
        row.Details = card.IsSimple ? null : StoredCardJson.Write(card with { Uid = "" });
        row.Favorite = card.Favorite;
        row.GroupsText = ContactSearch.GroupsTextOf(card.Groups);
        row.SearchText = ContactSearch.TextOf(card);
        row.PhoneDigits = ContactSearch.DigitsOf(card.Phones);
    }
}
