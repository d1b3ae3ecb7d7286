using System.Globalization;
using System.Text.Json;
using Agenda.Core.Contacts;

namespace Agenda.Rmi.AgendaObjects;

/// <summary>
/// agenda.contacts' contacts: plain dicts (no <c>__class__</c>, so a stock client needs no converter) with the whole card
/// in snake_case, the primary phone and email as <c>phone_number</c> and <c>email</c>, and the store's id, version and UTC
/// timestamps. Lists hold plain dicts; dates are str ('1990-05-17', or '--05-17' without the year) or None.
/// </summary>
internal static class SnakeDicts
{
    /// <summary>A store path in snake_case, indexes kept: <c>Phones[1].Number</c> is <c>phones[1].number</c>.</summary>
    public static string FieldName(string storePath) => ContactFieldPath.Respell(storePath, name =>
        name == nameof(ContactCard.VCardExtras) ? "vcard_extras" : JsonNamingPolicy.SnakeCaseLower.ConvertName(name));

    public static Dictionary<string, object?> ToDict(Contact contact)
    {
        var c = contact.Card;
        return new()
        {
            ["id"] = contact.Id,
            ["first_name"] = c.FirstName, ["second_name"] = c.SecondName, ["middle_name"] = c.MiddleName, ["prefix"] = c.Prefix,
            ["suffix"] = c.Suffix, ["nickname"] = c.Nickname, ["organization"] = c.Organization, ["job_title"] = c.JobTitle,
            ["phone_number"] = c.PhoneNumber, ["email"] = c.Email,
            ["phones"] = List(c.Phones, p => new() { ["label"] = p.Label, ["number"] = p.Number, ["primary"] = p.Primary }),
            ["emails"] = List(c.Emails, e => new() { ["label"] = e.Label, ["address"] = e.Address, ["primary"] = e.Primary }),
            ["addresses"] = List(c.Addresses, a => new()
            {
                ["label"] = a.Label, ["street"] = a.Street, ["city"] = a.City, ["region"] = a.Region,
                ["postal_code"] = a.PostalCode, ["country"] = a.Country,
            }),
            ["urls"] = List(c.Urls, u => new() { ["label"] = u.Label, ["url"] = u.Url }),
            ["birthday"] = c.Birthday?.ToString(), ["anniversary"] = c.Anniversary?.ToString(), ["notes"] = c.Notes,
            ["groups"] = c.Groups.Cast<object?>().ToList(), ["favorite"] = c.Favorite, ["uid"] = c.Uid,
            ["vcard_extras"] = c.VCardExtras.Cast<object?>().ToList(),
            ["version"] = contact.Version, ["created_at"] = IsoUtc(contact.CreatedAt), ["updated_at"] = IsoUtc(contact.UpdatedAt),
        };
    }

    private static List<object?> List<T>(IEnumerable<T> entries, Func<T, Dictionary<string, object?>> toDict) =>
        [.. entries.Select(toDict)];

    private static string IsoUtc(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);
}
