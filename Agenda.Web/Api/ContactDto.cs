using Agenda.Core.Contacts;

namespace Agenda.Web.Api;

/// <summary>
/// A contact as the REST API shows it: the whole card. <c>phoneNumber</c> and <c>email</c> are read-only views of the
/// primary phone and email, kept so clients written for the four-field contact keep working. <c>vCardExtras</c> are the
/// vCard properties Agenda does not model (PHOTO, X-…), read-only here. <c>version</c> is also sent as the ETag.
/// Dates are <c>1990-05-17</c>, or <c>--05-17</c> without the year; null when absent.
/// </summary>
public sealed record ContactDto(
    long Id, string FirstName, string SecondName, string MiddleName, string Prefix, string Suffix, string Nickname,
    string Organization, string JobTitle, string PhoneNumber, string Email,
    IReadOnlyList<ContactPhoneDto> Phones, IReadOnlyList<ContactEmailDto> Emails,
    IReadOnlyList<ContactAddressDto> Addresses, IReadOnlyList<ContactUrlDto> Urls,
    string? Birthday, string? Anniversary, string Notes, IReadOnlyList<string> Groups, bool Favorite, string Uid,
    IReadOnlyList<string> VCardExtras, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ContactDto From(Contact contact)
    {
        var c = contact.Card;
        return new(contact.Id, c.FirstName, c.SecondName, c.MiddleName, c.Prefix, c.Suffix, c.Nickname, c.Organization,
            c.JobTitle, c.PhoneNumber, c.Email,
            [.. c.Phones.Select(p => new ContactPhoneDto(p.Label, p.Number, p.Primary))],
            [.. c.Emails.Select(e => new ContactEmailDto(e.Label, e.Address, e.Primary))],
            [.. c.Addresses.Select(a => new ContactAddressDto(a.Label, a.Street, a.City, a.Region, a.PostalCode, a.Country))],
            [.. c.Urls.Select(u => new ContactUrlDto(u.Label, u.Url))],
            c.Birthday?.ToString(), c.Anniversary?.ToString(), c.Notes, c.Groups, c.Favorite, c.Uid, c.VCardExtras,
            contact.Version, Utc(contact.CreatedAt), Utc(contact.UpdatedAt));
    }

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    // Lists compare by their entries, so a contact read back over HTTP equals the one made from the store.
    public bool Equals(ContactDto? other) =>
        other is not null
        && (Id, FirstName, SecondName, MiddleName, Prefix, Suffix, Nickname, Organization, JobTitle, PhoneNumber, Email)
            == (other.Id, other.FirstName, other.SecondName, other.MiddleName, other.Prefix, other.Suffix, other.Nickname,
                other.Organization, other.JobTitle, other.PhoneNumber, other.Email)
        && (Birthday, Anniversary, Notes, Favorite, Uid, Version, CreatedAt, UpdatedAt)
            == (other.Birthday, other.Anniversary, other.Notes, other.Favorite, other.Uid, other.Version, other.CreatedAt, other.UpdatedAt)
        && Phones.SequenceEqual(other.Phones) && Emails.SequenceEqual(other.Emails) && Addresses.SequenceEqual(other.Addresses)
        && Urls.SequenceEqual(other.Urls) && Groups.SequenceEqual(other.Groups) && VCardExtras.SequenceEqual(other.VCardExtras);

    public override int GetHashCode() => HashCode.Combine(Id, Version, FirstName, SecondName);
}

/// <summary>A phone number with its label (mobile, home, work, other or free text); exactly one is primary.</summary>
public sealed record ContactPhoneDto(string Label, string Number, bool Primary);

/// <summary>An email address with its label; exactly one is primary.</summary>
public sealed record ContactEmailDto(string Label, string Address, bool Primary);

/// <summary>A postal address; <c>street</c> may hold several lines separated by \n.</summary>
public sealed record ContactAddressDto(string Label, string Street, string City, string Region, string PostalCode, string Country);

/// <summary>A web link with its label.</summary>
public sealed record ContactUrlDto(string Label, string Url);
