using Agenda.Core.Contacts;
using Agenda.Core.Storage.Providers;
using Microsoft.EntityFrameworkCore;

namespace Agenda.Core.Storage;

/// <summary>
/// Search semantics shared by every door: a term matches any text field of the card case-insensitively, and a term made
/// only of phone characters also matches the digits of any phone number ("9840" finds "69 984059615").
/// </summary>
internal static class ContactSearch
{
    /// <summary>
    /// First and second name are joined by a space so "ana silva" finds Ana Silva; newlines keep the other fields apart.
    /// A card of only the original four fields gives the same text as before rich contacts, so old rows need no rewrite.
    /// </summary>
    public static string TextOf(ContactCard card)
    {
        var text = $"{card.FirstName} {card.SecondName}\n{card.Email}";
        string[] more =
        [
            Joined(card.Prefix, card.FirstName, card.MiddleName, card.SecondName, card.Suffix), card.Nickname,
            card.Organization, card.JobTitle, card.Notes, string.Join("\n", card.Groups),
            string.Join("\n", card.Emails.Where(e => e.Address != card.Email).Select(e => e.Address)),
            string.Join("\n", card.Urls.Select(u => u.Url)),
            string.Join("\n", card.Addresses.Select(a => Joined(a.Street, a.City, a.Region, a.PostalCode, a.Country))),
        ];
        var rest = string.Join("\n", more.Where(m => m.Length > 0 && m != $"{card.FirstName} {card.SecondName}"));
        return (rest.Length == 0 ? text : text + "\n" + rest).ToLowerInvariant();
    }

    public static string DigitsOf(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    public static string DigitsOf(IEnumerable<ContactPhone> phones) => string.Join(" ", phones.Select(p => DigitsOf(p.Number)));

    public static string GroupsTextOf(IReadOnlyList<string> groups) =>
        groups.Count == 0 ? "" : "\n" + string.Join("\n", groups.Select(g => g.ToLowerInvariant())) + "\n";

    public static IQueryable<ContactRow> Apply(StorageProvider storage, AgendaDbContext db, IQueryable<ContactRow> rows, ContactFilter? filter)
    {
        if (filter is null) return rows;
        if (filter.Favorite is { } favorite) rows = rows.Where(r => r.Favorite == favorite);
        if (!string.IsNullOrWhiteSpace(filter.Group))
        {
            var group = GroupsTextOf([filter.Group.Trim()]);
            rows = rows.Where(r => r.GroupsText.Contains(group));
        }
        var term = filter.Search?.Trim();
        if (string.IsNullOrEmpty(term)) return rows;
        var digits = DigitsOf(term);
        var phoneLike = digits.Length > 0 && term.All(c => char.IsAsciiDigit(c) || " +-().".Contains(c));
        return storage.Search(db, rows, term.ToLowerInvariant(), phoneLike ? digits : null);
    }

    /// <summary>
    /// Substring match with LIKE and the term's own wildcards escaped, written out rather than left to how
    /// <c>string.Contains</c> translates (<c>strpos</c> in older Npgsql versions, which no index answers): PostgreSQL's
    /// trigram indexes answer <c>LIKE '%term%'</c>, and a test reads the plan to prove it.
    /// </summary>
    public static IQueryable<ContactRow> Substring(IQueryable<ContactRow> rows, string text, string? digits)
    {
        var textPattern = LikePattern(text);
        if (digits is null) return rows.Where(r => EF.Functions.Like(r.SearchText, textPattern, LikeEscape));
        var digitsPattern = LikePattern(digits);
        return rows.Where(r => EF.Functions.Like(r.SearchText, textPattern, LikeEscape) || EF.Functions.Like(r.PhoneDigits, digitsPattern, LikeEscape));
    }

    // Backslash escapes LIKE's wildcards; said explicitly because SQLite has no default escape character.
    private const string LikeEscape = "\\";

    /// <summary>A LIKE pattern for <paramref name="term"/> anywhere, its wildcards escaped with a backslash.</summary>
    public static string LikePattern(string term) =>
        "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    private static string Joined(params string[] parts) => string.Join(" ", parts.Where(p => p.Length > 0));
}
