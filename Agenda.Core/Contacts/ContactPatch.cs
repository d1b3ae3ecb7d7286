namespace Agenda.Core.Contacts;

/// <summary>
/// A change to some of a contact's four fields, for <see cref="Storage.IContactStore.PatchAsync"/>. A null field is
/// not part of the change and keeps its stored value; any other value replaces it, and an empty string clears it.
/// (Unlike <see cref="ContactInput"/>, where null means empty: here null has to say "leave this alone".)
/// </summary>
public sealed record ContactPatch(string? FirstName = null, string? SecondName = null, string? PhoneNumber = null, string? Email = null)
{
    /// <summary>The fields <paramref name="current"/> would have after this change, before validation.</summary>
    public ContactInput ApplyTo(Contact current) => new(
        FirstName ?? current.FirstName, SecondName ?? current.SecondName,
        PhoneNumber ?? current.PhoneNumber, Email ?? current.Email);
}
