namespace Agenda.Core.Contacts;

/// <summary>A stored contact. Ids are assigned by the store: the first contact ever stored gets 0, and ids are never reused.</summary>
public sealed record Contact(
    long Id,
    string FirstName,
    string SecondName,
    string PhoneNumber,
    string Email,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt);

/// <summary>The four fields a caller supplies when creating or replacing a contact. Null means empty.</summary>
public sealed record ContactInput(string? FirstName, string? SecondName, string? PhoneNumber, string? Email);
