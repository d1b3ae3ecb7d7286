namespace Agenda.Core.Storage;

/// <summary>
/// Search semantics shared by every door: a term matches names and email case-insensitively, and a term made
/// only of phone characters also matches the phone number's digits ("9840" finds "69 984059615").
/// </summary>
internal static class ContactSearch
{
    // First and second name are joined by a space so "ana silva" finds Ana Silva; the newline keeps the email apart.
    public static string TextOf(string firstName, string secondName, string email) =>
        $"{firstName} {secondName}\n{email}".ToLowerInvariant();

    public static string DigitsOf(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    public static IQueryable<ContactRow> Apply(IQueryable<ContactRow> rows, string? search)
    {
        var term = search?.Trim();
        if (string.IsNullOrEmpty(term)) return rows;
        var text = term.ToLowerInvariant();
        var digits = DigitsOf(term);
        var phoneLike = digits.Length > 0 && term.All(c => char.IsAsciiDigit(c) || " +-().".Contains(c));
        return phoneLike
            ? rows.Where(r => r.SearchText.Contains(text) || r.PhoneDigits.Contains(digits))
            : rows.Where(r => r.SearchText.Contains(text));
    }
}
