using System.Text;

namespace Agenda.Core.VCards;

/// <summary>
/// Text value escaping (RFC 6350 §3.4, RFC 2426 §4): backslash escapes for newline, comma, semicolon and backslash.
/// Splitting happens on the escaped text, so an escaped separator never splits a component.
/// </summary>
public static class VCardValue
{
    // text-char = escaped-char / any char except "\" , ";"
    // escaped-char = "\\" / "\;" / "\," / "\n" / "\N"
    public static string Unescape(string escaped)
    {
        if (!escaped.Contains('\\')) return escaped;
        var text = new StringBuilder(escaped.Length);
        for (int i = 0; i < escaped.Length; i++)
        {
            char c = escaped[i];
            if (c != '\\' || i + 1 == escaped.Length) { text.Append(c); continue; }
            char next = escaped[++i];
            // An unknown escape (Outlook writes "\:") keeps the character, as vobject does.
            text.Append(next is 'n' or 'N' ? '\n' : next);
        }
        return text.ToString();
    }

    /// <summary>Escapes text for a value; <paramref name="escapeComma"/> is false only where a comma is data (none in 4.0).</summary>
    public static string Escape(string text, bool escapeComma = true)
    {
        var escaped = new StringBuilder(text.Length + 8);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '\\': escaped.Append(@"\\"); break;
                case ';': escaped.Append(@"\;"); break;
                case ',' when escapeComma: escaped.Append(@"\,"); break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n': break; // CRLF becomes one \n
                case '\r' or '\n': escaped.Append(@"\n"); break;
                default: escaped.Append(c); break;
            }
        }
        return escaped.ToString();
    }

    // list-value = text *("," text) ; structured = component *(";" component) ; split only on unescaped separators
    public static IReadOnlyList<string> SplitEscaped(string escaped, char separator)
    {
        var parts = new List<string>();
        int start = 0;
        for (int i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] == '\\') { i++; continue; }
            if (escaped[i] != separator) continue;
            parts.Add(escaped[start..i]);
            start = i + 1;
        }
        parts.Add(escaped[start..]);
        return parts;
    }

    /// <summary>A comma-separated list of text values, unescaped (CATEGORIES, NICKNAME).</summary>
    public static IReadOnlyList<string> ParseList(string escaped) =>
        SplitEscaped(escaped, ',').Select(Unescape).ToList();

    /// <summary>A structured value (N, ADR, ORG): components on ";", each a list on "," — both unescaped.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> ParseStructured(string escaped) =>
        SplitEscaped(escaped, ';').Select(IReadOnlyList<string> (c) => ParseList(c)).ToList();

    public static string FormatList(IEnumerable<string> values) => string.Join(',', values.Select(v => Escape(v)));

    public static string FormatStructured(IEnumerable<IEnumerable<string>> components) =>
        string.Join(';', components.Select(FormatList));
}
