using System.Text.RegularExpressions;

namespace Agenda.Core.Contacts;

/// <summary>
/// The paths validation errors are filed under (<c>FirstName</c>, <c>Phones[1].Number</c>) and their respellings: each
/// door names fields in its own terms, and a door that shows only the original four fields files list errors under those.
/// </summary>
public static partial class ContactFieldPath
{
    /// <summary>Each name in the path through <paramref name="spell"/>, indexes kept: camelCase gives <c>phones[1].number</c>.</summary>
    public static string Respell(string path, Func<string, string> spell) =>
        Segment().Replace(path, m => spell(m.Value));

    /// <summary>
    /// The original agenda's field an error belongs to: a phone's number is <c>PhoneNumber</c>, an email's address
    /// <c>Email</c>; other paths are returned as they are.
    /// </summary>
    public static string ToOriginalField(string path) => path switch
    {
        _ when path.StartsWith(nameof(ContactCard.Phones), StringComparison.Ordinal) => nameof(ContactCard.PhoneNumber),
        _ when path.StartsWith(nameof(ContactCard.Emails), StringComparison.Ordinal) => nameof(ContactCard.Email),
        _ => path,
    };

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Segment();
}
