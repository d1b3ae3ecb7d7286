namespace Agenda.Core.Contacts;

/// <summary>
/// The labels the UI offers for phones, emails, addresses and links. Any other text is a label too ("fax", "Grandma");
/// an empty label is stored as <see cref="Other"/>. Known labels are stored lower-case, free text as written.
/// </summary>
public static class ContactLabels
{
    public const string Mobile = "mobile", Home = "home", Work = "work", Other = "other";

    public static readonly IReadOnlyList<string> Known = [Mobile, Home, Work, Other];

    /// <summary>Trimmed; a known label in any case becomes its lower-case spelling; empty becomes <see cref="Other"/>.</summary>
    public static string Normalize(string? label)
    {
        var trimmed = (label ?? "").Trim();
        if (trimmed.Length == 0) return Other;
        return Known.FirstOrDefault(k => k.Equals(trimmed, StringComparison.OrdinalIgnoreCase)) ?? trimmed;
    }
}

/// <summary>One phone number. Exactly one of a contact's phones is primary: the one the original agenda sees.</summary>
public sealed record ContactPhone(string Label, string Number, bool Primary = false);

/// <summary>One email address; exactly one of a contact's emails is primary.</summary>
public sealed record ContactEmail(string Label, string Address, bool Primary = false);

/// <summary>A postal address. <see cref="Street"/> may hold several lines (a PO box, a flat), separated by newlines.</summary>
public sealed record ContactAddress(
    string Label, string Street = "", string City = "", string Region = "", string PostalCode = "", string Country = "")
{
    public bool IsEmpty => Street.Length + City.Length + Region.Length + PostalCode.Length + Country.Length == 0;
}

/// <summary>A web link: a home page, a profile, a blog.</summary>
public sealed record ContactUrl(string Label, string Url);
