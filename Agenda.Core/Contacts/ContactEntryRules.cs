namespace Agenda.Core.Contacts;

/// <summary>
/// The per-entry half of <see cref="ContactValidator"/>: each list is normalised entry by entry, errors are named by the
/// entry's index as sent (<c>Phones[1].Number</c>), and entries left empty are dropped only after they have been counted.
/// </summary>
internal static class ContactEntryRules
{
    public static IReadOnlyList<ContactPhone> Phones(IReadOnlyList<ContactPhone> phones, FieldErrors errors)
    {
        var kept = Entries(phones, errors, nameof(ContactCard.Phones), "phones",
            p => p with { Label = ContactLabels.Normalize(p.Label), Number = ContactValidator.Trim(p.Number) },
            p => p.Number.Length == 0, p => p.Label, (p, path) => ContactValidator.CheckPhone(errors, path + ".Number", p.Number));
        return WithOnePrimary(kept, errors, nameof(ContactCard.Phones), "phone", p => p.Primary, (p, primary) => p with { Primary = primary });
    }

    public static IReadOnlyList<ContactEmail> Emails(IReadOnlyList<ContactEmail> emails, FieldErrors errors)
    {
        var kept = Entries(emails, errors, nameof(ContactCard.Emails), "emails",
            e => e with { Label = ContactLabels.Normalize(e.Label), Address = ContactValidator.Trim(e.Address) },
            e => e.Address.Length == 0, e => e.Label, (e, path) => ContactValidator.CheckEmail(errors, path + ".Address", e.Address));
        return WithOnePrimary(kept, errors, nameof(ContactCard.Emails), "email", e => e.Primary, (e, primary) => e with { Primary = primary });
    }

    public static IReadOnlyList<ContactAddress> Addresses(IReadOnlyList<ContactAddress> addresses, FieldErrors errors) =>
        Entries(addresses, errors, nameof(ContactCard.Addresses), "addresses",
            a => new ContactAddress(ContactLabels.Normalize(a.Label), StreetLines(a.Street), ContactValidator.Trim(a.City),
                ContactValidator.Trim(a.Region), ContactValidator.Trim(a.PostalCode), ContactValidator.Trim(a.Country)),
            a => a.IsEmpty, a => a.Label, (a, path) =>
            {
                if (a.Street.Length > ContactValidator.MaxAddressPartLength) errors.Add(path + ".Street", $"Street must be at most {ContactValidator.MaxAddressPartLength} characters.");
                if (a.Street.Any(c => char.IsControl(c) && c != '\n')) errors.Add(path + ".Street", "Street must not contain control characters other than line breaks.");
                ContactValidator.CheckText(errors, path + ".City", "City", a.City, ContactValidator.MaxNameLength);
                ContactValidator.CheckText(errors, path + ".Region", "Region", a.Region, ContactValidator.MaxNameLength);
                ContactValidator.CheckText(errors, path + ".PostalCode", "Postal code", a.PostalCode, ContactValidator.MaxNameLength);
                ContactValidator.CheckText(errors, path + ".Country", "Country", a.Country, ContactValidator.MaxNameLength);
            });

    public static IReadOnlyList<ContactUrl> Urls(IReadOnlyList<ContactUrl> urls, FieldErrors errors) =>
        Entries(urls, errors, nameof(ContactCard.Urls), "links",
            u => u with { Label = ContactLabels.Normalize(u.Label), Url = WithScheme(ContactValidator.Trim(u.Url)) },
            u => u.Url.Length == 0, u => u.Label, (u, path) => ContactValidator.CheckUrl(errors, path + ".Url", u.Url));

    public static IReadOnlyList<string> Groups(IReadOnlyList<string> groups, FieldErrors errors)
    {
        const string field = nameof(ContactCard.Groups);
        if (groups.Count > ContactValidator.MaxGroups) errors.Add(field, $"A contact can be in at most {ContactValidator.MaxGroups} groups.");
        for (var i = 0; i < groups.Count; i++)
        {
            var g = ContactValidator.Trim(groups[i]);
            ContactValidator.CheckText(errors, $"{field}[{i}]", "Group", g, ContactValidator.MaxLabelLength);
            if (g.Contains(',')) errors.Add($"{field}[{i}]", "Group must not contain a comma.");
        }
        return [.. groups.Select(ContactValidator.Trim).Where(g => g.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    public static IReadOnlyList<string> VCardExtras(IReadOnlyList<string> lines, FieldErrors errors)
    {
        if (lines.Sum(l => (l ?? "").Length) > ContactValidator.MaxVCardExtrasChars)
            errors.Add(nameof(ContactCard.VCardExtras), $"The kept vCard properties must total at most {ContactValidator.MaxVCardExtrasChars} characters.");
        if (lines.Any(l => string.IsNullOrEmpty(l) || l.Contains('\r') || l.Contains('\n') || !l.Contains(':')))
            errors.Add(nameof(ContactCard.VCardExtras), "Each kept vCard property must be one unfolded content line, like X-FOO:bar.");
        return lines;
    }

    private static List<T> Entries<T>(
        IReadOnlyList<T> entries, FieldErrors errors, string field, string plural, Func<T, T> normalize,
        Func<T, bool> isEmpty, Func<T, string> label, Action<T, string> check)
    {
        if (entries.Count > ContactValidator.MaxEntries) errors.Add(field, $"A contact can have at most {ContactValidator.MaxEntries} {plural}.");
        var kept = new List<T>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = normalize(entries[i]);
            if (isEmpty(entry)) continue;
            var path = $"{field}[{i}]";
            ContactValidator.CheckText(errors, path + ".Label", "Label", label(entry), ContactValidator.MaxLabelLength);
            check(entry, path);
            kept.Add(entry);
        }
        return kept;
    }

    private static List<T> WithOnePrimary<T>(List<T> kept, FieldErrors errors, string field, string noun, Func<T, bool> isPrimary, Func<T, bool, T> setPrimary)
    {
        var primaries = kept.Count(isPrimary);
        if (primaries > 1) errors.Add(field, $"Only one {noun} can be primary.");
        if (primaries == 0 && kept.Count > 0) kept[0] = setPrimary(kept[0], true);
        return kept;
    }

    // A link typed without a scheme ("example.com") is a web address.
    private static string WithScheme(string url) => url.Length == 0 || url.Contains(':') ? url : "https://" + url;

    private static string StreetLines(string? street) =>
        string.Join('\n', (street ?? "").Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
}
