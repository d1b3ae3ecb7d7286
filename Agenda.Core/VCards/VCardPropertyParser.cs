using System.Text;

namespace Agenda.Core.VCards;

/// <summary>
/// Parses one logical line into a <see cref="VCardProperty"/> (RFC 6350 §3.3, RFC 2426 §4, vCard 2.1), one grammar
/// rule per method. Quoted-printable values are decoded here, with their CHARSET, into ordinary escaped text.
/// </summary>
public static class VCardPropertyParser
{
    // contentline = [group "."] name *(";" param) ":" value
    public static VCardProperty Parse(VCardLine line)
    {
        string text = line.Text;
        int at = 0;
        string name = ReadName(line, ref at);
        string? group = null;
        if (at < text.Length && text[at] == '.')
        {
            group = name;
            at++;
            name = ReadName(line, ref at);
        }
        var parameters = new List<VCardParameter>();
        while (at < text.Length && text[at] == ';')
        {
            at++;
            parameters.Add(ReadParameter(line, ref at));
        }
        if (at >= text.Length || text[at] != ':') throw Malformed(line, at, "expected ':' before the value");
        var property = new VCardProperty(group, name.ToUpperInvariant(), parameters, text[(at + 1)..]) { Source = line };
        return DecodeTransferEncoding(property, line);
    }

    // name = 1*(ALPHA / DIGIT / "-")   ; also the group; "_" tolerated as some exporters write it
    private static string ReadName(VCardLine line, ref int at)
    {
        int start = at;
        while (at < line.Text.Length && (char.IsAsciiLetterOrDigit(line.Text[at]) || line.Text[at] is '-' or '_')) at++;
        if (at == start) throw Malformed(line, at, "expected a property name");
        return line.Text[start..at];
    }

    // param = param-name "=" param-value *("," param-value)
    //       / bare-value                       ; vCard 2.1: ";HOME;VOICE" are TYPEs, ";QUOTED-PRINTABLE" an ENCODING
    private static VCardParameter ReadParameter(VCardLine line, ref int at)
    {
        string name = ReadName(line, ref at).ToUpperInvariant();
        if (at >= line.Text.Length || line.Text[at] != '=') return new VCardParameter(BareParameterName(name), name);
        at++;
        var values = new List<string> { ReadParameterValue(line, ref at, name) };
        while (at < line.Text.Length && line.Text[at] == ',')
        {
            at++;
            values.Add(ReadParameterValue(line, ref at, name));
        }
        // Some writers put a whole list in one quoted TYPE ("work,voice"); TYPE values never contain commas.
        if (name == "TYPE") values = values.SelectMany(v => v.Split(',')).ToList();
        return new VCardParameter(name, values);
    }

    private static string BareParameterName(string value) => value switch
    {
        "QUOTED-PRINTABLE" or "BASE64" or "8BIT" or "7BIT" or "B" => "ENCODING",
        _ => "TYPE",
    };

    // param-value = DQUOTE *QSAFE-CHAR DQUOTE / *SAFE-CHAR     ; SAFE-CHAR excludes ";" ":" ","
    // RFC 6868 caret escapes in either: ^n newline, ^' double quote, ^^ caret
    private static string ReadParameterValue(VCardLine line, ref int at, string parameterName)
    {
        string text = line.Text;
        int start = at;
        if (at < text.Length && text[at] == '"')
        {
            int close = text.IndexOf('"', at + 1);
            if (close < 0) throw Malformed(line, at, $"unterminated quoted value of {parameterName}");
            at = close + 1;
            return DecodeCaret(text[(start + 1)..close]);
        }
        while (at < text.Length && text[at] is not (';' or ':' or ',')) at++;
        return DecodeCaret(text[start..at]);
    }

    private static string DecodeCaret(string value)
    {
        if (!value.Contains('^')) return value;
        var decoded = new StringBuilder(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            char next = i + 1 < value.Length ? value[i + 1] : '\0';
            if (value[i] == '^' && next is 'n' or '\'' or '^')
            {
                decoded.Append(next switch { 'n' => '\n', '\'' => '"', _ => '^' });
                i++;
            }
            else decoded.Append(value[i]);
        }
        return decoded.ToString();
    }

    // ENCODING=QUOTED-PRINTABLE is decoded with its CHARSET and both parameters dropped; B/BASE64 stays raw (PHOTO).
    private static VCardProperty DecodeTransferEncoding(VCardProperty property, VCardLine line)
    {
        var encoding = property.ParameterValues("ENCODING").FirstOrDefault();
        switch (encoding?.ToUpperInvariant())
        {
            case null or "B" or "BASE64" or "8BIT" or "7BIT": return property;
            case "QUOTED-PRINTABLE":
                var charset = VCardCharsets.Get(property.ParameterValues("CHARSET").FirstOrDefault(), line.Number);
                var kept = property.Parameters.Where(p => p.Name is not ("ENCODING" or "CHARSET")).ToList();
                string text = VCardQuotedPrintable.Decode(property.Value, charset);
                return property with { Parameters = kept, Value = EscapeLineBreaks(text), Source = null };
            default: throw new VCardFormatException($"unknown ENCODING '{encoding}' on {property.Name}", line.Number);
        }
    }

    // Decoded quoted-printable may hold real line breaks (=0D=0A); as escaped text they are "\n".
    private static string EscapeLineBreaks(string text) => text.Replace("\r\n", "\n").Replace("\r", "\n").Replace("\n", @"\n");

    private static VCardFormatException Malformed(VCardLine line, int at, string reason)
    {
        string snippet = line.Text.Length > 40 ? line.Text[..40] + "…" : line.Text;
        return new VCardFormatException($"malformed line ({reason} at column {at + 1}): '{snippet}'", line.Number);
    }
}
