using System.Text.RegularExpressions;
using Agenda.Core.Contacts;
using Agenda.Core.VCards;

namespace Agenda.Core.Transfer.VCard;

/// <summary>
/// The label of a phone, email, address or link, read from an X-ABLabel or from TYPE values, and written back as TYPE
/// values where vCard has them or as an X-ABLabel where it does not.
/// </summary>
internal static partial class VCardLabels
{
    public enum Kind { Phone, Email, Address, Url }

    // Reading, first match wins:
    //   X-ABLabel in the property's item group   _$!<Mobile>!$_ → mobile, _$!<HomeFAX>!$_ → home fax, Grandma → Grandma
    //   TYPE fax (with home or work)             fax, home fax, work fax
    //   TYPE pager                               pager
    //   TYPE cell, mobile or iphone              mobile (a work cell phone is a mobile)
    //   TYPE home, work                          home, work
    //   any other TYPE (car, isdn, main, other)  that word
    //   nothing left                             other
    // TYPE values that say what a number or address can do rather than which one it is give no label:
    private static readonly HashSet<string> NotLabels =
        ["pref", "voice", "text", "video", "textphone", "msg", "internet", "x400", "dom", "intl", "postal", "parcel"];

    public static string Read(VCardProperty property, VCardReading reading) =>
        reading.AppleLabel(property) is { } apple ? FromApple(apple) : FromTypes(property.Types);

    // Writing: the labels a TYPE says exactly; any other label is free text, written as an X-ABLabel.
    //   home → home, work → work, other → (no TYPE)
    //   phones only: mobile → cell, fax → fax, pager → pager, home fax → home,fax, work fax → work,fax
    public static IReadOnlyList<string>? ToTypes(string label, Kind kind) => label switch
    {
        ContactLabels.Home or ContactLabels.Work => [label],
        ContactLabels.Other or "" => [],
        ContactLabels.Mobile when kind == Kind.Phone => ["cell"],
        "fax" or "pager" when kind == Kind.Phone => [label],
        "home fax" or "work fax" when kind == Kind.Phone => [label[..4], "fax"],
        _ => null,
    };

    // Apple wraps its own labels as _$!<Name>!$_ and writes the user's as plain text.
    private static string FromApple(string label)
    {
        if (!label.StartsWith("_$!<", StringComparison.Ordinal) || !label.EndsWith(">!$_", StringComparison.Ordinal))
            return ContactLabels.Normalize(label);
        return ContactLabels.Normalize(WordStart().Replace(label[4..^4], " ").ToLowerInvariant());
    }

    private static string FromTypes(IReadOnlyList<string> types)
    {
        var words = types.Where(t => !NotLabels.Contains(t) && !t.StartsWith("x-", StringComparison.Ordinal))
            .Select(t => t is "cell" or "mobile" or "iphone" ? ContactLabels.Mobile : t).Distinct().ToList();
        var place = words.FirstOrDefault(w => w is ContactLabels.Home or ContactLabels.Work);
        if (words.Contains("fax")) return place is null ? "fax" : place + " fax";
        if (words.Contains("pager")) return "pager";
        if (words.Contains(ContactLabels.Mobile)) return ContactLabels.Mobile;
        return place ?? words.FirstOrDefault() ?? ContactLabels.Other;
    }

    // HomeFAX → Home FAX, HomePage → Home Page: a capital after a lower-case letter starts a word.
    [GeneratedRegex("(?<=[a-z])(?=[A-Z])")]
    private static partial Regex WordStart();
}
