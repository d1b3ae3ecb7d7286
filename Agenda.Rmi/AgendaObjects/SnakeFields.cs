using Agenda.Core.Contacts;

namespace Agenda.Rmi.AgendaObjects;

/// <summary>
/// The keys an agenda.contacts dict may carry on add and update, each read into a change to a card: applied to an empty
/// card for add, to the stored card (under the store's write lock) for update. <c>phone_number</c> and <c>email</c> set the
/// primary phone and email, as four-field clients always have; beside <c>phones</c> or <c>emails</c> they are ambiguous and
/// refused. <c>vcard_extras</c> is read-only, as in REST: raw vCard lines only an import should write.
/// </summary>
internal static class SnakeFields
{
    /// <summary>Reads a key's value (raising TypeError or ValueError) and answers the change it makes to a card.</summary>
    public delegate Func<ContactCard, ContactCard> Reader(object? value);

    public const string PhoneNumber = "phone_number", Email = "email", Phones = "phones", Emails = "emails";

    public static readonly IReadOnlyList<string> ReadOnly = ["id", "vcard_extras", "version", "created_at", "updated_at"];

    private static readonly string[] PhoneKeys = ["label", "number", "primary"], EmailKeys = ["label", "address", "primary"];
    private static readonly string[] AddressKeys = ["label", "street", "city", "region", "postal_code", "country"], UrlKeys = ["label", "url"];

    public static readonly IReadOnlyDictionary<string, Reader> Writable = new (string Name, Reader Read)[]
    {
        Text("first_name", (c, v) => c with { FirstName = v }),
        Text("second_name", (c, v) => c with { SecondName = v }),
        Text("middle_name", (c, v) => c with { MiddleName = v }),
        Text("prefix", (c, v) => c with { Prefix = v }),
        Text("suffix", (c, v) => c with { Suffix = v }),
        Text("nickname", (c, v) => c with { Nickname = v }),
        Text("organization", (c, v) => c with { Organization = v }),
        Text("job_title", (c, v) => c with { JobTitle = v }),
        Field(Phones, (v, p) => SnakeValues.Entries(v, p, PhoneKeys, e => new ContactPhone(e.Text("label"), e.Text("number"), e.Flag("primary"))),
            (c, v) => c with { Phones = v }),
        Field(Emails, (v, p) => SnakeValues.Entries(v, p, EmailKeys, e => new ContactEmail(e.Text("label"), e.Text("address"), e.Flag("primary"))),
            (c, v) => c with { Emails = v }),
        Field("addresses", (v, p) => SnakeValues.Entries(v, p, AddressKeys, e => new ContactAddress(e.Text("label"), e.Text("street"),
            e.Text("city"), e.Text("region"), e.Text("postal_code"), e.Text("country"))), (c, v) => c with { Addresses = v }),
        Field("urls", (v, p) => SnakeValues.Entries(v, p, UrlKeys, e => new ContactUrl(e.Text("label"), e.Text("url"))), (c, v) => c with { Urls = v }),
        Field("birthday", SnakeValues.Date, (c, v) => c with { Birthday = v }),
        Field("anniversary", SnakeValues.Date, (c, v) => c with { Anniversary = v }),
        Text("notes", (c, v) => c with { Notes = v }),
        Field("groups", SnakeValues.Texts, (c, v) => c with { Groups = v }),
        Field("favorite", SnakeValues.Flag, (c, v) => c with { Favorite = v }),
        // A UID can be changed but not removed: empty keeps the one the card has (and a new card gets one from the store).
        Text("uid", (c, v) => string.IsNullOrWhiteSpace(v) ? c : c with { Uid = v }),
        Text(PhoneNumber, (c, v) => c.WithPhoneNumber(v)),
        Text(Email, (c, v) => c.WithEmail(v)),
    }.ToDictionary(f => f.Name, f => f.Read, StringComparer.Ordinal);

    private static (string, Reader) Field<T>(string name, Func<object?, string, T> read, Func<ContactCard, T, ContactCard> set) =>
        (name, value =>
        {
            var given = read(value, name);
            return card => set(card, given);
        });

    private static (string, Reader) Text(string name, Func<ContactCard, string, ContactCard> set) => Field(name, SnakeValues.Text, set);
}
