using System.Text.Json.Nodes;
using Agenda.Core.Contacts;

namespace Agenda.Web.Api;

/// <summary>
/// The fields a contact body may carry, each read into a change to a card. The same changes build a new card (POST,
/// PUT: applied to an empty card) and a merge patch (PATCH: applied to the stored card under the store's write lock).
/// <c>phoneNumber</c> and <c>email</c> are the four-field clients' way to set the primary phone and email; with
/// <c>phones</c> or <c>emails</c> beside them the body is ambiguous and refused. <c>vCardExtras</c> is read-only: it holds raw
/// vCard lines that only an import should write (a JSON client could put an END:VCARD in the middle of every export), and
/// PUT keeps the stored ones so editing a contact imported from a phone never drops its photo.
/// </summary>
internal static class ContactJsonFields
{
    /// <summary>Reads a field's value and answers the change it makes to a card.</summary>
    public delegate Func<ContactCard, ContactCard> Reader(ContactJsonReader json, JsonNode? value);

    public const string PhoneNumber = "phoneNumber", Email = "email", Phones = "phones", Emails = "emails";

    public static readonly IReadOnlyList<string> ReadOnly = ["id", "vCardExtras", "version", "createdAt", "updatedAt"];

    private static readonly string[] PhoneKeys = ["label", "number", "primary"], EmailKeys = ["label", "address", "primary"];
    private static readonly string[] AddressKeys = ["label", "street", "city", "region", "postalCode", "country"], UrlKeys = ["label", "url"];

    public static readonly IReadOnlyDictionary<string, Reader> Writable = new (string Name, Reader Read)[]
    {
        Text("firstName", (c, v) => c with { FirstName = v }),
        Text("secondName", (c, v) => c with { SecondName = v }),
        Text("middleName", (c, v) => c with { MiddleName = v }),
        Text("prefix", (c, v) => c with { Prefix = v }),
        Text("suffix", (c, v) => c with { Suffix = v }),
        Text("nickname", (c, v) => c with { Nickname = v }),
        Text("organization", (c, v) => c with { Organization = v }),
        Text("jobTitle", (c, v) => c with { JobTitle = v }),
        Field(Phones, (j, v, p) => j.Entries(v, p, PhoneKeys, e => new ContactPhone(e.Text("label"), e.Text("number"), e.Flag("primary"))),
            (c, v) => c with { Phones = v }),
        Field(Emails, (j, v, p) => j.Entries(v, p, EmailKeys, e => new ContactEmail(e.Text("label"), e.Text("address"), e.Flag("primary"))),
            (c, v) => c with { Emails = v }),
        Field("addresses", (j, v, p) => j.Entries(v, p, AddressKeys, e => new ContactAddress(e.Text("label"), e.Text("street"),
            e.Text("city"), e.Text("region"), e.Text("postalCode"), e.Text("country"))), (c, v) => c with { Addresses = v }),
        Field("urls", (j, v, p) => j.Entries(v, p, UrlKeys, e => new ContactUrl(e.Text("label"), e.Text("url"))), (c, v) => c with { Urls = v }),
        Field("birthday", (j, v, p) => j.Date(v, p), (c, v) => c with { Birthday = v }),
        Field("anniversary", (j, v, p) => j.Date(v, p), (c, v) => c with { Anniversary = v }),
        Text("notes", (c, v) => c with { Notes = v }),
        Field("groups", (j, v, p) => j.Texts(v, p), (c, v) => c with { Groups = v }),
        Field("favorite", (j, v, p) => j.Flag(v, p), (c, v) => c with { Favorite = v }),
        // A UID can be changed but not removed: empty keeps the one the card has (and a new card gets one from the store).
        Text("uid", (c, v) => string.IsNullOrWhiteSpace(v) ? c : c with { Uid = v }),
        Text(PhoneNumber, (c, v) => c.WithPhoneNumber(v)),
        Text(Email, (c, v) => c.WithEmail(v)),
    }.ToDictionary(f => f.Name, f => f.Read, StringComparer.Ordinal);

    private static (string, Reader) Field<T>(string name, Func<ContactJsonReader, JsonNode?, string, T> read, Func<ContactCard, T, ContactCard> set) =>
        (name, (json, node) =>
        {
            var value = read(json, node, name);
            return card => set(card, value);
        });

    private static (string, Reader) Text(string name, Func<ContactCard, string, ContactCard> set) =>
        Field(name, (json, node, path) => json.Text(node, path), set);
}
