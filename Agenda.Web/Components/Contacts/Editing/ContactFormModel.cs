using Agenda.Core.Contacts;

namespace Agenda.Web.Components.Contacts.Editing;

/// <summary>
/// Everything the add/edit form edits, in the shape its inputs bind to. Validation is the store's, not data annotations;
/// only what the store cannot receive (a birthday that is not a date) is checked here.
/// </summary>
public sealed class ContactFormModel
{
    // What the form does not show (the UID, vCard properties kept from an import) goes back unchanged: an update
    // replaces the whole card, and an edit in the browser must not lose what a phone's export brought in.
    private ContactCard _kept = new();

    public string FirstName { get; set; } = "";
    public string SecondName { get; set; } = "";
    public string MiddleName { get; set; } = "";
    public string Prefix { get; set; } = "";
    public string Suffix { get; set; } = "";
    public string Nickname { get; set; } = "";
    public string Organization { get; set; } = "";
    public string JobTitle { get; set; } = "";
    public bool Favorite { get; set; }
    public string Notes { get; set; } = "";

    // A new contact starts with one empty phone and email row, as the original form had one of each; rows left empty
    // are dropped by the store (after counting them, so the paths of its messages still match the rows).
    public List<EntryRow> Phones { get; private set; } = [EntryRow.Blank(EntryKind.Phone, primary: true)];
    public List<EntryRow> Emails { get; private set; } = [EntryRow.Blank(EntryKind.Email, primary: true)];
    public List<AddressRow> Addresses { get; private set; } = [];
    public List<EntryRow> Links { get; private set; } = [];
    public DateParts Birthday { get; private set; } = new();
    public DateParts Anniversary { get; private set; } = new();
    public List<string> Groups { get; private set; } = [];

    /// <summary>A group typed but not yet added with Enter or a comma: saved too, as the person surely meant it.</summary>
    public string GroupEntry { get; set; } = "";

    public bool HasMoreNames => (MiddleName + Prefix + Suffix + Nickname).Length > 0;

    public static ContactFormModel From(Contact contact)
    {
        var card = contact.Card;
        return new()
        {
            _kept = card,
            FirstName = card.FirstName, SecondName = card.SecondName, MiddleName = card.MiddleName, Prefix = card.Prefix,
            Suffix = card.Suffix, Nickname = card.Nickname, Organization = card.Organization, JobTitle = card.JobTitle,
            Favorite = card.Favorite, Notes = card.Notes,
            Phones = card.Phones.Count > 0 ? [.. card.Phones.Select(EntryRow.Of)] : [EntryRow.Blank(EntryKind.Phone, primary: true)],
            Emails = card.Emails.Count > 0 ? [.. card.Emails.Select(EntryRow.Of)] : [EntryRow.Blank(EntryKind.Email, primary: true)],
            Addresses = [.. card.Addresses.Select(AddressRow.Of)],
            Links = [.. card.Urls.Select(EntryRow.Of)],
            Birthday = DateParts.Of(card.Birthday),
            Anniversary = DateParts.Of(card.Anniversary),
            Groups = [.. card.Groups],
        };
    }

    /// <summary>The card to store, and the form's own errors (<c>Birthday</c>, <c>Anniversary</c>) when there are any.</summary>
    public (ContactCard Card, Dictionary<string, string[]> Errors) ToCard()
    {
        var errors = new Dictionary<string, string[]>();
        var birthday = Birthday.ToDate("Birthday", out var birthdayError);
        if (birthdayError is not null) errors[nameof(ContactCard.Birthday)] = [birthdayError];
        var anniversary = Anniversary.ToDate("Anniversary", out var anniversaryError);
        if (anniversaryError is not null) errors[nameof(ContactCard.Anniversary)] = [anniversaryError];

        var card = _kept with
        {
            FirstName = FirstName, SecondName = SecondName, MiddleName = MiddleName, Prefix = Prefix, Suffix = Suffix,
            Nickname = Nickname, Organization = Organization, JobTitle = JobTitle, Favorite = Favorite, Notes = Notes,
            Phones = [.. Phones.Select(r => r.ToPhone())],
            Emails = [.. Emails.Select(r => r.ToEmail())],
            Addresses = [.. Addresses.Select(r => r.ToAddress())],
            Urls = [.. Links.Select(r => r.ToUrl())],
            Birthday = birthday,
            Anniversary = anniversary,
            Groups = [.. Groups, .. GroupNames.Split(GroupEntry)],
        };
        return (card, errors);
    }

    /// <summary>Adds a group unless the contact is in it already (groups are the same in any case).</summary>
    public bool AddGroup(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0 || Groups.Contains(trimmed, StringComparer.OrdinalIgnoreCase)) return false;
        Groups.Add(trimmed);
        return true;
    }
}
