namespace Agenda.Core.Contacts;

/// <summary>
/// A change to part of a contact, for <see cref="Storage.IContactStore.PatchAsync"/>, which applies it to the stored
/// card under its write lock. A null field among the original agenda's four is not part of the change; any other value
/// replaces it, and an empty string clears it (the phone and email fields are the primary phone's number and the primary
/// email's address). <see cref="Edit"/> changes anything else on the card (a REST merge-patch, the UI's form).
/// </summary>
public sealed record ContactPatch(string? FirstName = null, string? SecondName = null, string? PhoneNumber = null, string? Email = null)
{
    /// <summary>Applied to the stored card after the four fields; null when the patch touches only those.</summary>
    public Func<ContactCard, ContactCard>? Edit { get; init; }

    /// <summary>The card <paramref name="current"/> would become, before validation.</summary>
    public ContactCard ApplyTo(ContactCard current)
    {
        var card = current with { FirstName = FirstName ?? current.FirstName, SecondName = SecondName ?? current.SecondName };
        if (PhoneNumber is not null) card = card.WithPhoneNumber(PhoneNumber);
        if (Email is not null) card = card.WithEmail(Email);
        return Edit is null ? card : Edit(card);
    }
}
