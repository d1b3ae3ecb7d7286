using System.Globalization;

namespace Agenda.Core.Transfer.Csv;

// The Google Contacts CSV layout. "Current" is what contacts.google.com exports today; "older" is the Gmail-era
// layout (before 2020) that many tools and guides still write. Both are taken from the headers of real Google exports
// quoted in public projects' tests and tools ("First Name,Middle Name,Last Name,Phonetic First Name,...,Labels,
// E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,...,Website 1 - Value,Event 1 - Label,Event 1 - Value,Custom Field
// 1 - Label,..." and "Name,Given Name,Additional Name,Family Name,Yomi Name,...,Group Membership,E-mail 1 - Type,...,
// Organization 1 - Name,Organization 1 - Title,...").
//
// | Card field       | current column                          | older column                      |
// |------------------|-----------------------------------------|-----------------------------------|
// | FirstName        | First Name                              | Given Name                        |
// |   when empty   | the first of: Name (older layout, the whole name), File As, the organization               |
// | MiddleName       | Middle Name                             | Additional Name                   |
// | SecondName       | Last Name                               | Family Name                       |
// | Prefix, Suffix   | Name Prefix, Name Suffix                | (same)                            |
// | Nickname         | Nickname                                | (same)                            |
// | Organization     | Organization Name                       | Organization 1 - Name             |
// | JobTitle         | Organization Title                      | Organization 1 - Title            |
// | Birthday         | Birthday (1990-05-17 or --05-17)        | (same)                            |
// | Notes            | Notes                                   | (same)                            |
// | Groups, Favorite | Labels ("* myContacts ::: Friends ::: * starred") | Group Membership        |
// | Emails           | E-mail N - Label, E-mail N - Value      | E-mail N - Type, E-mail N - Value |
// | Phones           | Phone N - Label, Phone N - Value        | Phone N - Type, Phone N - Value   |
// | Addresses        | Address N - Label, Formatted, Street, City, PO Box, Region, Postal Code, Country,
// |                  | Extended Address (older: Address N - Type, the rest the same)                |
// | Urls             | Website N - Label, Website N - Value    | Website N - Type, Website N - Value |
// | Anniversary      | Event N - Label "Anniversary", Event N - Value | Event N - Type, Event N - Value |
// | Uid              | Custom Field N - Label "Agenda UID", Custom Field N - Value; or a column "Agenda UID" |
//
// Columns are found by name (trimmed, ignoring case), so their order does not matter; columns not in this table
// (Phonetic First Name, Photo, Relation 1 - Label, IM 1 - Service, ...) are ignored.
internal static class GoogleCsvColumns
{
    public const string FirstName = "First Name", GivenName = "Given Name";
    public const string MiddleName = "Middle Name", AdditionalName = "Additional Name";
    public const string LastName = "Last Name", FamilyName = "Family Name";
    public const string FullName = "Name", FileAs = "File As";
    public const string Prefix = "Name Prefix", Suffix = "Name Suffix", Nickname = "Nickname";
    public const string Organization = "Organization Name", OlderOrganization = "Organization 1 - Name";
    public const string JobTitle = "Organization Title", OlderJobTitle = "Organization 1 - Title";
    public const string Birthday = "Birthday", Notes = "Notes";
    public const string Labels = "Labels", GroupMembership = "Group Membership";

    /// <summary>Agenda's own column for the UID, read when a file has it; Agenda writes the UID as a custom field.</summary>
    public const string AgendaUid = "Agenda UID";

    // Numbered columns: "Phone 2 - Value" is kind "Phone", number 2, part "Value".
    public const string Email = "E-mail", Phone = "Phone", Address = "Address", Website = "Website", Event = "Event", CustomField = "Custom Field";
    public const string Label = "Label", OlderLabel = "Type", Value = "Value";
    public const string Formatted = "Formatted", Street = "Street", City = "City", PoBox = "PO Box", Region = "Region",
        PostalCode = "Postal Code", Country = "Country", ExtendedAddress = "Extended Address";

    public static readonly IReadOnlyList<string> AddressParts = [Formatted, Street, City, PoBox, Region, PostalCode, Country, ExtendedAddress];

    public static string Numbered(string kind, int number, string part) => $"{kind} {number} - {part}";

    // numbered = kind SP number SP "-" SP part   ; "E-mail 12 - Value", "Custom Field 1 - Label"
    public static (string Kind, int Number, string Part)? ParseNumbered(string name)
    {
        var dash = name.IndexOf(" - ", StringComparison.Ordinal);
        if (dash < 1) return null;
        var space = name.LastIndexOf(' ', dash - 1);
        if (space <= 0) return null;
        var digits = name[(space + 1)..dash];
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1) return null;
        return (name[..space], number, name[(dash + 3)..]);
    }

    /// <summary>Every column this layout reads; a header naming none of them is not a Google Contacts file.</summary>
    public static bool IsKnown(string name) =>
        Singles.Contains(name) || ParseNumbered(name) is { } n && Kinds.Contains(n.Kind);

    private static readonly HashSet<string> Singles = new(
        [FirstName, GivenName, MiddleName, AdditionalName, LastName, FamilyName, FullName, FileAs, Prefix, Suffix, Nickname,
         Organization, OlderOrganization, JobTitle, OlderJobTitle, Birthday, Notes, Labels, GroupMembership, AgendaUid],
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> Kinds = new([Email, Phone, Address, Website, Event, CustomField], StringComparer.OrdinalIgnoreCase);
}
