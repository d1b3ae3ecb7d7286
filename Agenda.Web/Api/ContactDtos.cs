using Agenda.Core.Contacts;

namespace Agenda.Web.Api;

/// <summary>A contact as the REST API shows it. <c>version</c> is also sent as the ETag.</summary>
public sealed record ContactDto(
    long Id, string FirstName, string SecondName, string PhoneNumber, string Email,
    long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ContactDto From(Contact c) => new(
        c.Id, c.FirstName, c.SecondName, c.PhoneNumber, c.Email, c.Version,
        new DateTimeOffset(DateTime.SpecifyKind(c.CreatedAt, DateTimeKind.Utc)),
        new DateTimeOffset(DateTime.SpecifyKind(c.UpdatedAt, DateTimeKind.Utc)));
}

/// <summary>
/// The writable fields: the body of POST and PUT (absent means empty) and of PATCH (absent keeps, null clears). It only
/// describes the body in the OpenAPI document; requests bind as <see cref="ContactRequest"/>, which keeps absent apart from null.
/// </summary>
public sealed record ContactBody(string? FirstName, string? SecondName, string? PhoneNumber, string? Email);

/// <summary>One page of <c>GET /api/contacts</c>. <c>nextPageToken</c> is null on the last page.</summary>
public sealed record ContactListDto(IReadOnlyList<ContactDto> Items, string? NextPageToken, int Total);

/// <summary>One registration of the Pyro name server.</summary>
public sealed record NameRegistrationDto(string Name, string Uri, IReadOnlyList<string> Metadata);

/// <summary>The body of <c>GET /api/naming</c>.</summary>
public sealed record NameRegistrationListDto(IReadOnlyList<NameRegistrationDto> Items);
