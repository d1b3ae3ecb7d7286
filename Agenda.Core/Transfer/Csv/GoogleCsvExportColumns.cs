using Agenda.Core.Contacts;
using C = Agenda.Core.Transfer.Csv.GoogleCsvColumns;

namespace Agenda.Core.Transfer.Csv;

/// <summary>
/// The columns an export writes, in the current layout's order, each with how it is filled from a card. The export
/// streams, so the header is written before any contact is seen: it has <see cref="ContactValidator.MaxEntries"/>
/// numbered columns for each of E-mail, Phone, Address and Website — the most a valid card can have — so no contact
/// ever overflows the header and nothing is lost. The price is a wide file of mostly empty cells; counting the widest
/// contact first would need a second pass over the book (twice the reading, and a contact could change in between).
/// </summary>
internal static class GoogleCsvExportColumns
{
    private const int Slots = ContactValidator.MaxEntries;

    public static readonly IReadOnlyList<(string Name, Func<ContactCard, string> Value)> All =
    [
        (C.FirstName, c => c.FirstName), (C.MiddleName, c => c.MiddleName), (C.LastName, c => c.SecondName),
        ("Phonetic First Name", _ => ""), ("Phonetic Middle Name", _ => ""), ("Phonetic Last Name", _ => ""),
        (C.Prefix, c => c.Prefix), (C.Suffix, c => c.Suffix), (C.Nickname, c => c.Nickname), (C.FileAs, _ => ""),
        (C.Organization, c => c.Organization), (C.JobTitle, c => c.JobTitle), ("Organization Department", _ => ""),
        (C.Birthday, c => c.Birthday?.ToString() ?? ""), (C.Notes, c => c.Notes), ("Photo", _ => ""),
        (C.Labels, c => GoogleCsvCells.WriteLabels(c.Groups, c.Favorite)),
        .. Numbered(C.Email, c => c.Emails, e => GoogleCsvCells.WriteLabel(e.Label, e.Primary), e => e.Address),
        .. Numbered(C.Phone, c => c.Phones, p => GoogleCsvCells.WriteLabel(p.Label, p.Primary), p => p.Number),
        .. Addresses(),
        .. Numbered(C.Website, c => c.Urls, u => GoogleCsvCells.WriteLabel(u.Label, false), u => u.Url),
        (C.Numbered(C.Event, 1, C.Label), c => c.Anniversary is null ? "" : "Anniversary"),
        (C.Numbered(C.Event, 1, C.Value), c => c.Anniversary?.ToString() ?? ""),
        // The UID as a custom field rather than a column of its own: Google keeps custom fields and exports them back,
        // so a file that went through Google Contacts still updates Agenda's contacts instead of duplicating them.
        (C.Numbered(C.CustomField, 1, C.Label), c => c.Uid.Length == 0 ? "" : C.AgendaUid),
        (C.Numbered(C.CustomField, 1, C.Value), c => c.Uid),
    ];

    public static string[] Header() => [.. All.Select(c => c.Name)];

    public static string[] Row(ContactCard card) => [.. All.Select(c => c.Value(card))];

    private static IEnumerable<(string, Func<ContactCard, string>)> Numbered<T>(
        string kind, Func<ContactCard, IReadOnlyList<T>> entries, Func<T, string> label, Func<T, string> value) =>
        Enumerable.Range(1, Slots).SelectMany(n => new (string, Func<ContactCard, string>)[]
        {
            (C.Numbered(kind, n, C.Label), c => n <= entries(c).Count ? label(entries(c)[n - 1]) : ""),
            (C.Numbered(kind, n, C.Value), c => n <= entries(c).Count ? value(entries(c)[n - 1]) : ""),
        });

    // Street lines stay in Street (the reader puts PO box and extended address there too), so those two are left empty.
    private static IEnumerable<(string, Func<ContactCard, string>)> Addresses() =>
        Enumerable.Range(1, Slots).SelectMany(n =>
        {
            string Part(ContactCard c, Func<ContactAddress, string> part) => n <= c.Addresses.Count ? part(c.Addresses[n - 1]) : "";
            return new (string, Func<ContactCard, string>)[]
            {
                (C.Numbered(C.Address, n, C.Label), c => Part(c, a => GoogleCsvCells.WriteLabel(a.Label, false))),
                (C.Numbered(C.Address, n, C.Formatted), c => Part(c, Formatted)),
                (C.Numbered(C.Address, n, C.Street), c => Part(c, a => a.Street)),
                (C.Numbered(C.Address, n, C.City), c => Part(c, a => a.City)),
                (C.Numbered(C.Address, n, C.PoBox), _ => ""),
                (C.Numbered(C.Address, n, C.Region), c => Part(c, a => a.Region)),
                (C.Numbered(C.Address, n, C.PostalCode), c => Part(c, a => a.PostalCode)),
                (C.Numbered(C.Address, n, C.Country), c => Part(c, a => a.Country)),
                (C.Numbered(C.Address, n, C.ExtendedAddress), _ => ""),
            };
        });

    // As Google formats an address for people: the street lines, "City, Region PostalCode", the country.
    private static string Formatted(ContactAddress a)
    {
        var cityLine = string.Join(" ", new[] { string.Join(", ", new[] { a.City, a.Region }.Where(p => p.Length > 0)), a.PostalCode }.Where(p => p.Length > 0));
        return string.Join('\n', new[] { a.Street, cityLine, a.Country }.Where(p => p.Length > 0));
    }
}
