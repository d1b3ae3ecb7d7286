namespace Agenda.Core.Storage;

/// <summary>
/// The database row behind a <see cref="Contacts.Contact"/>. The original agenda's four fields have columns of their
/// own (the hot path of every door reads only those); the rest of the card is JSON in <see cref="Details"/>, which is
/// null while the card holds nothing more (so a database from before rich contacts needs no rewrite).
/// </summary>
internal sealed class ContactRow
{
    public long Id { get; set; }
    public string FirstName { get; set; } = "";
    public string SecondName { get; set; } = "";

    /// <summary>The primary phone's number.</summary>
    public string PhoneNumber { get; set; } = "";

    /// <summary>The primary email's address.</summary>
    public string Email { get; set; } = "";

    /// <summary>The vCard UID, unique among contacts: importing a card with it again updates this contact.</summary>
    public string Uid { get; set; } = "";

    /// <summary>The whole card as JSON (see <see cref="StoredCardJson"/>), or null when the four fields above say it all.</summary>
    public string? Details { get; set; }

    public bool Favorite { get; set; }

    /// <summary>The groups, lower-cased, each between newlines ("\nfamily\nwork\n"), so one group is a LIKE away.</summary>
    public string GroupsText { get; set; } = "";

    public long Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Every text field lower-cased: case-insensitive search that also works where the database's lower() is ASCII-only.</summary>
    public string SearchText { get; set; } = "";

    /// <summary>Only the digits of each phone number, the numbers apart, so "9840" finds "69 984059615".</summary>
    public string PhoneDigits { get; set; } = "";
}

/// <summary>Named counters; "contacts" hands out contact ids starting at 0, never reusing one after a delete.</summary>
internal sealed class IdCounter
{
    public string Name { get; set; } = "";
    public long Next { get; set; }
}
