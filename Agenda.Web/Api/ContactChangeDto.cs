using Agenda.Core.Contacts;

namespace Agenda.Web.Api;

/// <summary>
/// One event of <c>GET /api/contacts/changes</c>, as the pages see it. <c>kind</c> is <c>created</c>, <c>updated</c>,
/// <c>deleted</c> or <c>resync</c> (also the event's name); <c>door</c> is <c>rmi</c>, <c>rest</c> or <c>ui</c> and
/// <c>who</c> who used it, when known; <c>contact</c> is the contact as <c>GET /api/contacts/{id}</c> returns it, null on
/// delete. A <c>resync</c> names no contact (id, version, door, who and contact are null): read what you show again.
/// </summary>
public sealed record ContactChangeDto(string Kind, long? Id, long? Version, string? Door, string? Who, ContactDto? Contact)
{
    public static ContactChangeDto From(ContactChange change) => change.Kind == ChangeKind.Resync
        ? new(KindName(change.Kind), null, null, null, null, null)
        : new(KindName(change.Kind), change.ContactId, change.Version, change.Door.ToString().ToLowerInvariant(), change.Who,
            change.Contact is { } contact ? ContactDto.From(contact) : null);

    /// <summary>The kind as events and JSON spell it: <c>created</c>, <c>updated</c>, <c>deleted</c>, <c>resync</c>.</summary>
    public static string KindName(ChangeKind kind) => kind.ToString().ToLowerInvariant();
}
