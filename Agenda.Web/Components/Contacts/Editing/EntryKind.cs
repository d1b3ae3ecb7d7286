using static Agenda.Core.Contacts.ContactLabels;

namespace Agenda.Web.Components.Contacts.Editing;

/// <summary>
/// What differs between the form's lists of phones, emails, links and addresses: the store's field (which names the
/// errors, <c>Phones[1].Number</c>), the words a person reads and hears ("Remove phone 2"), the labels offered.
/// </summary>
public sealed record EntryKind(
    string Field, string Noun, string Title, IReadOnlyList<string> Labels, string DefaultLabel,
    string ValueMember = "", string ValueName = "", string InputType = "text", string Placeholder = "", bool HasPrimary = false)
{
    public static readonly EntryKind Phone = new("Phones", "phone", "Phones", [Mobile, Home, Work, Other], Mobile,
        "Number", "number", "tel", "Phone number", HasPrimary: true);

    public static readonly EntryKind Email = new("Emails", "email", "Emails", [Home, Work, Other], Home,
        "Address", "address", "email", "name@example.com", HasPrimary: true);

    public static readonly EntryKind Link = new("Urls", "link", "Links", [Home, Work, Other], Home, "Url", "URL", "url",
        "https://…");

    public static readonly EntryKind Address = new("Addresses", "address", "Addresses", [Home, Work, Other], Home);

    /// <summary>The store caps every list; the Add button stops there instead of letting the save fail.</summary>
    public const int MaxRows = Core.Contacts.ContactValidator.MaxEntries;

    /// <summary>"Phone 2" for the entry at index 1: people count from one, the store's paths from zero.</summary>
    public string NameOf(int index) => $"{char.ToUpperInvariant(Noun[0])}{Noun[1..]} {index + 1}";

    /// <summary>The element id of one part of a row: <c>phones-1-number</c>.</summary>
    public string IdOf(int index, string part) => $"{Field.ToLowerInvariant()}-{index}-{part.ToLowerInvariant()}";

    /// <summary>The store's path of one part of a row: <c>Phones[1].Number</c>.</summary>
    public string PathOf(int index, string member) => $"{Field}[{index}].{member}";
}
