using Agenda.Core.VCards;

namespace Agenda.Core.Transfer.VCard;

/// <summary>
/// Agenda's own lines in a contact's kept extras for values it reads only part of, so the rest is not lost:
/// <code>
///   X-AGENDA-ORG:Viagenie;R&amp;D;Networks      ORG with departments; Organization holds "Viagenie"
///   X-AGENDA-TEL:tel:+1-418-656-9254;ext=102  a tel: URI with parameters; the phone holds "+1-418-656-9254"
/// </code>
/// On export the whole value is written back as the ORG, or as the TEL of the phone with that number, for as long as
/// the card still says the same organisation or number; once it does not, the line is stale and left out. These lines
/// are never written to a file themselves, and never read from one.
/// </summary>
internal static class VCardFullValues
{
    public const string Org = "X-AGENDA-ORG", Tel = "X-AGENDA-TEL";

    public static bool IsFullValue(VCardProperty property) => property.Group is null && property.Name is Org or Tel;

    public static string OrgLine(string orgValue) => $"{Org}:{orgValue}";

    public static string TelLine(string telUri) => $"{Tel}:{telUri}";

    /// <summary>The organisation an ORG value names: its first component (the departments follow).</summary>
    public static string Organization(string orgValue) =>
        string.Join(',', VCardValue.ParseStructured(orgValue)[0]).Trim();

    /// <summary>The number in a tel: URI: <c>tel:+1-418-656-9254;ext=102</c> → <c>+1-418-656-9254</c>.</summary>
    public static string TelNumber(string telUri)
    {
        var body = telUri.Trim();
        if (body.StartsWith("tel:", StringComparison.OrdinalIgnoreCase)) body = body[4..];
        int parameters = body.IndexOf(';');
        return (parameters < 0 ? body : body[..parameters]).Trim();
    }

    /// <summary>True when the URI carries more than its number (an extension, a subaddress).</summary>
    public static bool HasParameters(string telUri) => telUri.Contains(';');
}
