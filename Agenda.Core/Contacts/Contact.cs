namespace Agenda.Core.Contacts;

/// <summary>
/// A stored contact: its <see cref="Card"/> under an id the store assigned (the first contact ever stored gets 0, and
/// ids are never reused), with a version that every change raises.
/// </summary>
public sealed record Contact(long Id, ContactCard Card, long Version, DateTime CreatedAt, DateTime UpdatedAt)
{
    public string FirstName => Card.FirstName;
    public string SecondName => Card.SecondName;

    /// <summary>The primary phone's number: what the original agenda calls <c>PhoneNumber</c>.</summary>
    public string PhoneNumber => Card.PhoneNumber;

    /// <summary>The primary email's address: what the original agenda calls <c>Email</c>.</summary>
    public string Email => Card.Email;
}
