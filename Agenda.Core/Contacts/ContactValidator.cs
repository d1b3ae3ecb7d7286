using System.Text.RegularExpressions;

namespace Agenda.Core.Contacts;

/// <summary>
/// Normalises and validates a card. Every front door goes through the store, which calls this, so the rules and their
/// messages are the same for RMI, REST, the UI and imports. Normalising trims text, spells known labels in lower case,
/// drops list entries left empty (a blank phone row), makes the first entry primary when none is, and drops repeated groups.
/// Errors name the entry as the caller sent it, counting from 0: <c>Phones[1].Number</c>.
/// </summary>
public static partial class ContactValidator
{
    public const int MaxNameLength = 100;
    public const int MaxOrganizationLength = 200;
    public const int MaxEmailLength = 254;
    public const int MaxPhoneLength = 32;
    public const int MinPhoneDigits = 3;
    public const int MaxUrlLength = 2048;
    public const int MaxLabelLength = 50;
    public const int MaxAddressPartLength = 200;
    public const int MaxNotesLength = 10_000;
    public const int MaxEntries = 20;
    public const int MaxGroups = 50;
    public const int MaxVCardExtrasChars = 1 << 20;

    /// <summary>Returns the normalised card and field path → messages (empty when valid).</summary>
    public static (ContactCard Normalized, Dictionary<string, string[]> Errors) Validate(ContactCard card)
    {
        var errors = new FieldErrors();
        var names = card with
        {
            FirstName = Trim(card.FirstName), SecondName = Trim(card.SecondName), MiddleName = Trim(card.MiddleName),
            Prefix = Trim(card.Prefix), Suffix = Trim(card.Suffix), Nickname = Trim(card.Nickname),
            Organization = Trim(card.Organization), JobTitle = Trim(card.JobTitle),
            Notes = (card.Notes ?? "").Replace("\r\n", "\n").Trim(), Uid = Trim(card.Uid),
        };
        if (names.FirstName.Length == 0) errors.Add(nameof(ContactCard.FirstName), "First name is required.");
        CheckText(errors, nameof(ContactCard.FirstName), "First name", names.FirstName, MaxNameLength);
        CheckText(errors, nameof(ContactCard.SecondName), "Second name", names.SecondName, MaxNameLength);
        CheckText(errors, nameof(ContactCard.MiddleName), "Middle name", names.MiddleName, MaxNameLength);
        CheckText(errors, nameof(ContactCard.Prefix), "Prefix", names.Prefix, MaxNameLength);
        CheckText(errors, nameof(ContactCard.Suffix), "Suffix", names.Suffix, MaxNameLength);
        CheckText(errors, nameof(ContactCard.Nickname), "Nickname", names.Nickname, MaxNameLength);
        CheckText(errors, nameof(ContactCard.Organization), "Organization", names.Organization, MaxOrganizationLength);
        CheckText(errors, nameof(ContactCard.JobTitle), "Job title", names.JobTitle, MaxNameLength);
        CheckText(errors, nameof(ContactCard.Uid), "UID", names.Uid, MaxUrlLength);
        if (names.Notes.Length > MaxNotesLength) errors.Add(nameof(ContactCard.Notes), $"Notes must be at most {MaxNotesLength} characters.");
        if (names.Notes.Any(c => char.IsControl(c) && c is not '\n' and not '\t'))
            errors.Add(nameof(ContactCard.Notes), "Notes must not contain control characters other than line breaks and tabs.");

        var normalized = names with
        {
            Phones = ContactEntryRules.Phones(card.Phones ?? [], errors),
            Emails = ContactEntryRules.Emails(card.Emails ?? [], errors),
            Addresses = ContactEntryRules.Addresses(card.Addresses ?? [], errors),
            Urls = ContactEntryRules.Urls(card.Urls ?? [], errors),
            Groups = ContactEntryRules.Groups(card.Groups ?? [], errors),
            VCardExtras = ContactEntryRules.VCardExtras(card.VCardExtras ?? [], errors),
        };
        return (normalized, errors.ToDictionary());
    }

    internal static string Trim(string? value) => (value ?? "").Trim();

    internal static void CheckText(FieldErrors errors, string field, string label, string value, int maxLength)
    {
        if (value.Length > maxLength) errors.Add(field, $"{label} must be at most {maxLength} characters.");
        if (value.Any(char.IsControl)) errors.Add(field, $"{label} must not contain control characters.");
    }

    internal static void CheckPhone(FieldErrors errors, string field, string value)
    {
        if (value.Length > MaxPhoneLength) errors.Add(field, $"Phone number must be at most {MaxPhoneLength} characters.");
        if (!PhoneCharacters().IsMatch(value))
            errors.Add(field, "Phone number may contain only digits, spaces and + - ( ) .");
        else if (value.Count(char.IsAsciiDigit) < MinPhoneDigits)
            errors.Add(field, $"Phone number must contain at least {MinPhoneDigits} digits.");
    }

    internal static void CheckEmail(FieldErrors errors, string field, string value)
    {
        if (value.Length > MaxEmailLength) errors.Add(field, $"Email must be at most {MaxEmailLength} characters.");
        if (value.Any(char.IsControl)) errors.Add(field, "Email must not contain control characters.");
        if (!EmailShape().IsMatch(value)) errors.Add(field, "Email must be a valid address, like name@example.com.");
    }

    internal static void CheckUrl(FieldErrors errors, string field, string value)
    {
        if (value.Length > MaxUrlLength) errors.Add(field, $"Link must be at most {MaxUrlLength} characters.");
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || value.Any(char.IsWhiteSpace) || uri.Scheme.Length < 2)
            errors.Add(field, "Link must be an absolute address, like https://example.com.");
    }

    // Only ASCII digits count: the phone's digits are what search matches on.
    [GeneratedRegex(@"^[0-9 +\-().]+$")]
    private static partial Regex PhoneCharacters();

    // Deliberately simple: one @, a dot in the domain, no whitespace. Deliverability is the mail server's business.
    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")]
    private static partial Regex EmailShape();
}
