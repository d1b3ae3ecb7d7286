using Microsoft.EntityFrameworkCore;

namespace Agenda.Core.Storage;

/// <summary>
/// Search semantics shared by every door: a term matches names and email case-insensitively, and a term made
/// only of phone characters also matches the phone number's digits ("9840" finds "69 984059615").
/// </summary>
internal static class ContactSearch
{
    // The trigram index cannot answer terms shorter than one trigram; those scan (they match many rows anyway).
    private const int ShortestIndexedTerm = 3;

    // First and second name are joined by a space so "ana silva" finds Ana Silva; the newline keeps the email apart.
    public static string TextOf(string firstName, string secondName, string email) =>
        $"{firstName} {secondName}\n{email}".ToLowerInvariant();

    public static string DigitsOf(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    public static IQueryable<ContactRow> Apply(AgendaDbContext db, IQueryable<ContactRow> rows, string? search)
    {
        var term = search?.Trim();
        if (string.IsNullOrEmpty(term)) return rows;
        var text = term.ToLowerInvariant();
        var digits = DigitsOf(term);
        var phoneLike = digits.Length > 0 && term.All(c => char.IsAsciiDigit(c) || " +-().".Contains(c));

        if (db.Database.IsSqlite() && Indexable(text) && (!phoneLike || Indexable(digits)))
        {
            // FTS5 query syntax: a double-quoted string is a phrase, which the trigram tokenizer matches as a substring.
            var match = phoneLike
                ? $"SearchText : {Phrase(text)} OR PhoneDigits : {Phrase(digits)}"
                : $"SearchText : {Phrase(text)}";
            var ids = db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM ContactsSearch WHERE ContactsSearch MATCH {match}");
            return rows.Where(r => ids.Contains(r.Id));
        }
        return phoneLike
            ? rows.Where(r => r.SearchText.Contains(text) || r.PhoneDigits.Contains(digits))
            : rows.Where(r => r.SearchText.Contains(text));
    }

    private static bool Indexable(string term) => term.EnumerateRunes().Count() >= ShortestIndexedTerm;

    private static string Phrase(string term) => "\"" + term.Replace("\"", "\"\"") + "\"";
}
