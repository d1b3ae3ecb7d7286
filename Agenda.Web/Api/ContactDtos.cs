namespace Agenda.Web.Api;

/// <summary>
/// The writable fields: the body of POST and PUT (absent means empty) and of PATCH (absent keeps, null clears, lists are
/// replaced whole). <c>phoneNumber</c> and <c>email</c> set the primary phone's number and the primary email's address
/// when <c>phones</c> and <c>emails</c> are absent. An empty or absent <c>uid</c> keeps the stored one (POST: a new one).
/// It only describes the body in the OpenAPI document; requests bind as <see cref="ContactRequest"/>, which keeps absent
/// apart from null.
/// </summary>
public sealed record ContactBody(
    string? FirstName, string? SecondName, string? MiddleName, string? Prefix, string? Suffix, string? Nickname,
    string? Organization, string? JobTitle, IReadOnlyList<ContactPhoneDto>? Phones, IReadOnlyList<ContactEmailDto>? Emails,
    IReadOnlyList<ContactAddressDto>? Addresses, IReadOnlyList<ContactUrlDto>? Urls, string? Birthday, string? Anniversary,
    string? Notes, IReadOnlyList<string>? Groups, bool? Favorite, string? Uid, string? PhoneNumber, string? Email);

/// <summary>One page of <c>GET /api/contacts</c>. <c>nextPageToken</c> is null on the last page.</summary>
public sealed record ContactListDto(IReadOnlyList<ContactDto> Items, string? NextPageToken, int Total);

/// <summary>A group and how many contacts are in it.</summary>
public sealed record ContactGroupDto(string Name, int Count);

/// <summary>The body of <c>GET /api/contacts/groups</c>, ordered by name.</summary>
public sealed record ContactGroupListDto(IReadOnlyList<ContactGroupDto> Items);

/// <summary>One registration of the Pyro name server.</summary>
public sealed record NameRegistrationDto(string Name, string Uri, IReadOnlyList<string> Metadata);

/// <summary>The body of <c>GET /api/naming</c>.</summary>
public sealed record NameRegistrationListDto(IReadOnlyList<NameRegistrationDto> Items);
