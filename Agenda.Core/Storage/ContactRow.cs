namespace Agenda.Core.Storage;

/// <summary>The database row behind a <see cref="Contacts.Contact"/>, with the derived columns search uses.</summary>
internal sealed class ContactRow
{
    public long Id { get; set; }
    public string FirstName { get; set; } = "";
    public string SecondName { get; set; } = "";
    public string PhoneNumber { get; set; } = "";
    public string Email { get; set; } = "";
    public long Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Lower-cased names and email: case-insensitive search that also works where the database's lower() is ASCII-only.</summary>
    public string SearchText { get; set; } = "";

    /// <summary>Only the digits of the phone number, so "9840" finds "69 984059615".</summary>
    public string PhoneDigits { get; set; } = "";
}

/// <summary>Named counters; "contacts" hands out contact ids starting at 0, never reusing one after a delete.</summary>
internal sealed class IdCounter
{
    public string Name { get; set; } = "";
    public long Next { get; set; }
}
