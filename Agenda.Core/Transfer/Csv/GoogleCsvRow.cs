using Agenda.Core.Contacts;
using C = Agenda.Core.Transfer.Csv.GoogleCsvColumns;

namespace Agenda.Core.Transfer.Csv;

/// <summary>
/// One data row read as a card, column by column as <see cref="GoogleCsvColumns"/> lays them out. A cell that cannot be
/// read (a birthday that is not a date) throws a <see cref="FormatException"/> whose message starts with its column.
/// Checking the card's contents (phone digits, email shape) is the store's validator's business, not this reader's.
/// </summary>
internal sealed class GoogleCsvRow(GoogleCsvHeader header, string[] fields)
{
    public ContactCard ToCard()
    {
        var (groups, favorite) = GoogleCsvCells.ReadLabels(Cell(C.Labels, C.GroupMembership));
        var organization = Text(C.Organization, C.OlderOrganization);
        return new ContactCard
        {
            // Google keeps contacts that have only a company or a display name; Agenda requires a first name.
            FirstName = new[] { Text(C.FirstName, C.GivenName), Text(C.FullName), Text(C.FileAs), organization }.FirstOrDefault(n => n.Length > 0) ?? "",
            MiddleName = Text(C.MiddleName, C.AdditionalName),
            SecondName = Text(C.LastName, C.FamilyName),
            Prefix = Text(C.Prefix),
            Suffix = Text(C.Suffix),
            Nickname = Text(C.Nickname),
            Organization = organization,
            JobTitle = Text(C.JobTitle, C.OlderJobTitle),
            Birthday = Date(header.Find(C.Birthday)),
            Anniversary = Anniversary(),
            Notes = Lines(Cell(C.Notes)),
            Phones = [.. Entries(C.Phone).Select(e => new ContactPhone(e.Label, e.Value, e.Primary))],
            Emails = [.. Entries(C.Email).Select(e => new ContactEmail(e.Label, e.Value, e.Primary))],
            Addresses = [.. Addresses()],
            Urls = [.. Entries(C.Website).Select(e => new ContactUrl(e.Label, e.Value))],
            Groups = groups,
            Favorite = favorite,
            Uid = Uid(),
        };
    }

    // "Phone 1 - Label" = "* Mobile", "Phone 1 - Value" = "+1 555 0100 ::: +1 555 0101": two mobiles, the first primary.
    private IEnumerable<(string Label, string Value, bool Primary)> Entries(string kind)
    {
        foreach (var group in header.Numbered(kind))
        {
            if (IsEmpty(group)) continue;
            var (label, primary) = GoogleCsvCells.ReadLabel(At(group.Find(C.Label, C.OlderLabel)));
            var values = GoogleCsvCells.Split(At(group.Find(C.Value)));
            for (var i = 0; i < values.Count; i++) yield return (label, values[i], primary && i == 0);
        }
    }

    // Each part cell may hold several values too; the i-th address takes the i-th value of every part. A PO box and an
    // extended address ("Apt 4") become further street lines; the formatted text is used only when no part is given.
    private IEnumerable<ContactAddress> Addresses()
    {
        foreach (var group in header.Numbered(C.Address))
        {
            if (IsEmpty(group)) continue;
            var label = GoogleCsvCells.ReadLabel(At(group.Find(C.Label, C.OlderLabel))).Label;
            var parts = C.AddressParts.ToDictionary(p => p, p => GoogleCsvCells.Split(At(group.Find(p))));
            var count = parts.Values.Max(v => v.Count);
            for (var i = 0; i < count; i++)
            {
                string Part(string part) => i < parts[part].Count ? Lines(parts[part][i]) : "";
                var street = string.Join('\n', new[] { Part(C.Street), Part(C.ExtendedAddress), Part(C.PoBox) }.Where(l => l.Length > 0));
                var address = new ContactAddress(label, street, Part(C.City), Part(C.Region), Part(C.PostalCode), Part(C.Country));
                yield return address.IsEmpty ? address with { Street = Part(C.Formatted) } : address;
            }
        }
    }

    // The first event labelled "Anniversary"; other events (and their dates) have no place on the card.
    private PartialDate? Anniversary()
    {
        foreach (var group in header.Numbered(C.Event))
            if (GoogleCsvCells.ReadLabel(At(group.Find(C.Label, C.OlderLabel))).Label.Equals("Anniversary", StringComparison.OrdinalIgnoreCase))
                return Date(group.Find(C.Value));
        return null;
    }

    private string Uid()
    {
        if (Text(C.AgendaUid) is { Length: > 0 } uid) return uid;
        foreach (var group in header.Numbered(C.CustomField))
            if (At(group.Find(C.Label, C.OlderLabel)).Trim().Equals(C.AgendaUid, StringComparison.OrdinalIgnoreCase))
                return At(group.Find(C.Value)).Trim();
        return "";
    }

    private PartialDate? Date(int column)
    {
        var text = At(column).Trim();
        if (text.Length == 0) return null;
        if (PartialDate.TryParse(text, out var date)) return date;
        throw new FormatException($"{header.NameAt(column)}: \"{text}\" is not a date like 1990-05-17, or --05-17 without the year.");
    }

    // Skipped before anything is built: Agenda's exports have 20 groups of each kind, nearly all of them empty.
    private bool IsEmpty(GoogleCsvHeader.NumberedGroup group)
    {
        foreach (var index in group.Parts.Values)
            if (At(index).Length > 0) return false;
        return true;
    }

    private string Text(params ReadOnlySpan<string> names) => Cell(names).Trim();

    private string Cell(params ReadOnlySpan<string> names) => At(header.Find(names));

    private string At(int index) => index >= 0 && index < fields.Length ? fields[index] : "";

    private static string Lines(string text) => text.Replace("\r\n", "\n").Trim();
}
