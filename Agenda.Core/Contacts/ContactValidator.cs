using System.Text.RegularExpressions;

namespace Agenda.Core.Contacts;

/// <summary>
/// Normalises (trims; null becomes empty) and validates contact fields. Every front door goes through
/// the store, which calls this, so the rules and their messages are the same for RMI, REST and the UI.
/// </summary>
public static partial class ContactValidator
{
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 254;
    public const int MaxPhoneLength = 32;
    public const int MinPhoneDigits = 3;

    /// <summary>Returns the trimmed input and field → messages (empty when valid).</summary>
    public static (ContactInput Normalized, Dictionary<string, string[]> Errors) Validate(ContactInput input)
    {
        var normalized = new ContactInput(
            Trim(input.FirstName), Trim(input.SecondName), Trim(input.PhoneNumber), Trim(input.Email));
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message) =>
            (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);

        CheckName(nameof(ContactInput.FirstName), "First name", normalized.FirstName!, required: true, Add);
        CheckName(nameof(ContactInput.SecondName), "Second name", normalized.SecondName!, required: false, Add);
        CheckPhone(normalized.PhoneNumber!, Add);
        CheckEmail(normalized.Email!, Add);

        return (normalized, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    private static string Trim(string? value) => (value ?? "").Trim();

    private static void CheckName(string field, string label, string value, bool required, Action<string, string> add)
    {
        if (required && value.Length == 0) add(field, $"{label} is required.");
        if (value.Length > MaxNameLength) add(field, $"{label} must be at most {MaxNameLength} characters.");
        CheckControlCharacters(field, label, value, add);
    }

    private static void CheckPhone(string value, Action<string, string> add)
    {
        const string field = nameof(ContactInput.PhoneNumber);
        if (value.Length == 0) return;
        if (value.Length > MaxPhoneLength) add(field, $"Phone number must be at most {MaxPhoneLength} characters.");
        if (!PhoneCharacters().IsMatch(value))
            add(field, "Phone number may contain only digits, spaces and + - ( ) .");
        else if (value.Count(char.IsAsciiDigit) < MinPhoneDigits)
            add(field, $"Phone number must contain at least {MinPhoneDigits} digits.");
    }

    private static void CheckEmail(string value, Action<string, string> add)
    {
        const string field = nameof(ContactInput.Email);
        if (value.Length == 0) return;
        if (value.Length > MaxEmailLength) add(field, $"Email must be at most {MaxEmailLength} characters.");
        CheckControlCharacters(field, "Email", value, add);
        if (!EmailShape().IsMatch(value)) add(field, "Email must be a valid address, like name@example.com.");
    }

    private static void CheckControlCharacters(string field, string label, string value, Action<string, string> add)
    {
        if (value.Any(char.IsControl)) add(field, $"{label} must not contain control characters.");
    }

    // Only ASCII digits count: the phone's digits are what search matches on.
    [GeneratedRegex(@"^[0-9 +\-().]+$")]
    private static partial Regex PhoneCharacters();

    // Deliberately simple: one @, a dot in the domain, no whitespace. Deliverability is the mail server's business.
    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")]
    private static partial Regex EmailShape();
}
