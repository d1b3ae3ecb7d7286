using Agenda.Core.Contacts;

namespace Agenda.Core.Storage;

internal static class ContactRowMapping
{
    public static Contact ToContact(this ContactRow r) =>
        new(r.Id, r.FirstName, r.SecondName, r.PhoneNumber, r.Email, r.Version, r.CreatedAt, r.UpdatedAt);

    /// <summary>Copies validated fields and recomputes the search columns from them.</summary>
    public static void SetFields(this ContactRow row, ContactInput fields)
    {
        row.FirstName = fields.FirstName ?? "";
        row.SecondName = fields.SecondName ?? "";
        row.PhoneNumber = fields.PhoneNumber ?? "";
        row.Email = fields.Email ?? "";
        row.SearchText = ContactSearch.TextOf(row.FirstName, row.SecondName, row.Email);
        row.PhoneDigits = ContactSearch.DigitsOf(row.PhoneNumber);
    }
}
