namespace Agenda.Core.Contacts;

/// <summary>
/// A contact's id and the original agenda's four fields (the primary phone's number and email's address, as on
/// <see cref="Contact"/>): all a listing in the original's terms shows, read without the rest of the card.
/// </summary>
public readonly record struct ContactSummary(long Id, string FirstName, string SecondName, string PhoneNumber, string Email);
