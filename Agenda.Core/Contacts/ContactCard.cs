namespace Agenda.Core.Contacts;

/// <summary>
/// Everything a person says about a contact: what a caller sends to create or replace one, and what the store keeps.
/// The original agenda's four fields are a view of it: the first and second name, and the primary phone and email.
/// Two cards are equal when every field and every list entry is equal, so "nothing changed" is a plain comparison.
/// </summary>
public sealed record ContactCard
{
    public string FirstName { get; init; } = "";
    public string SecondName { get; init; } = "";
    public string MiddleName { get; init; } = "";
    public string Prefix { get; init; } = "";
    public string Suffix { get; init; } = "";
    public string Nickname { get; init; } = "";
    public string Organization { get; init; } = "";
    public string JobTitle { get; init; } = "";
    public IReadOnlyList<ContactPhone> Phones { get; init; } = [];
    public IReadOnlyList<ContactEmail> Emails { get; init; } = [];
    public IReadOnlyList<ContactAddress> Addresses { get; init; } = [];
    public IReadOnlyList<ContactUrl> Urls { get; init; } = [];
    public PartialDate? Birthday { get; init; }
    public PartialDate? Anniversary { get; init; }
    public string Notes { get; init; } = "";
    public IReadOnlyList<string> Groups { get; init; } = [];
    public bool Favorite { get; init; }

    /// <summary>The vCard UID: stable across exports, so importing a card again updates its contact. Empty asks the store for one.</summary>
    public string Uid { get; init; } = "";

    /// <summary>
    /// vCard properties Agenda does not model (PHOTO, IMPP, X-…), as unfolded content lines, exported back unchanged
    /// so a round trip through Agenda loses nothing.
    /// </summary>
    public IReadOnlyList<string> VCardExtras { get; init; } = [];

    /// <summary>The primary phone's number, or empty: the original agenda's <c>PhoneNumber</c>.</summary>
    public string PhoneNumber => Phones.FirstOrDefault(p => p.Primary)?.Number ?? Phones.FirstOrDefault()?.Number ?? "";

    /// <summary>The primary email's address, or empty: the original agenda's <c>Email</c>.</summary>
    public string Email => Emails.FirstOrDefault(e => e.Primary)?.Address ?? Emails.FirstOrDefault()?.Address ?? "";

    /// <summary>The original agenda's contact: two names, at most one phone (mobile) and one email (home), both primary.</summary>
    public static ContactCard Simple(string? firstName, string? secondName, string? phoneNumber, string? email) => new()
    {
        FirstName = firstName ?? "",
        SecondName = secondName ?? "",
        Phones = string.IsNullOrWhiteSpace(phoneNumber) ? [] : [new ContactPhone(ContactLabels.Mobile, phoneNumber, true)],
        Emails = string.IsNullOrWhiteSpace(email) ? [] : [new ContactEmail(ContactLabels.Home, email, true)],
    };

    /// <summary>True when <see cref="Simple"/> would give this card back: nothing beyond the original agenda's fields.</summary>
    public bool IsSimple => this == Simple(FirstName, SecondName, PhoneNumber, Email) with { Uid = Uid };

    /// <summary>This card with the primary phone's number set: a new mobile phone when there is none, no phone when empty.</summary>
    public ContactCard WithPhoneNumber(string number) => this with
    {
        Phones = string.IsNullOrWhiteSpace(number) ? [.. Phones.Where(p => p != PrimaryPhone)]
            : PrimaryPhone is { } primary ? [.. Phones.Select(p => p == primary ? p with { Number = number } : p)]
            : [.. Phones, new ContactPhone(ContactLabels.Mobile, number, Phones.Count == 0)],
    };

    /// <summary>This card with the primary email's address set: a new home email when there is none, no email when empty.</summary>
    public ContactCard WithEmail(string address) => this with
    {
        Emails = string.IsNullOrWhiteSpace(address) ? [.. Emails.Where(e => e != PrimaryEmail)]
            : PrimaryEmail is { } primary ? [.. Emails.Select(e => e == primary ? e with { Address = address } : e)]
            : [.. Emails, new ContactEmail(ContactLabels.Home, address, Emails.Count == 0)],
    };

    private ContactPhone? PrimaryPhone => Phones.FirstOrDefault(p => p.Primary) ?? Phones.FirstOrDefault();
    private ContactEmail? PrimaryEmail => Emails.FirstOrDefault(e => e.Primary) ?? Emails.FirstOrDefault();

    public bool Equals(ContactCard? other) =>
        other is not null
        && (FirstName, SecondName, MiddleName, Prefix, Suffix, Nickname, Organization, JobTitle)
            == (other.FirstName, other.SecondName, other.MiddleName, other.Prefix, other.Suffix, other.Nickname, other.Organization, other.JobTitle)
        && (Birthday, Anniversary, Notes, Favorite, Uid) == (other.Birthday, other.Anniversary, other.Notes, other.Favorite, other.Uid)
        && Phones.SequenceEqual(other.Phones) && Emails.SequenceEqual(other.Emails)
        && Addresses.SequenceEqual(other.Addresses) && Urls.SequenceEqual(other.Urls)
        && Groups.SequenceEqual(other.Groups) && VCardExtras.SequenceEqual(other.VCardExtras);

    public override int GetHashCode() => HashCode.Combine(FirstName, SecondName, PhoneNumber, Email, Uid);
}
