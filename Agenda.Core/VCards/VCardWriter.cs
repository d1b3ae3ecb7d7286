using System.Text;

namespace Agenda.Core.VCards;

/// <summary>The version header <see cref="VCardWriter"/> writes.</summary>
public enum VCardVersion { V4, V3 }

/// <summary>
/// Writes cards as vCard 4.0 (RFC 6350) or 3.0 (RFC 2426): CRLF line ends, lines folded at 75 octets without splitting
/// a UTF-8 character, parameter values quoted when they must be. A property read from a file is written back from its
/// raw line unchanged, so properties Agenda does not model survive a round trip byte for byte.
/// </summary>
public static class VCardWriter
{
    private const int MaxLineOctets = 75;

    public static string Write(IEnumerable<VCard> cards, VCardVersion version = VCardVersion.V4)
    {
        var output = new StringWriter();
        Write(output, cards, version);
        return output.ToString();
    }

    public static void Write(TextWriter output, IEnumerable<VCard> cards, VCardVersion version = VCardVersion.V4)
    {
        foreach (var card in cards)
        {
            WriteLine(output, "BEGIN:VCARD");
            WriteLine(output, version == VCardVersion.V4 ? "VERSION:4.0" : "VERSION:3.0");
            foreach (var property in card.Properties) WriteLine(output, property.Source?.Text ?? Format(property));
            WriteLine(output, "END:VCARD");
        }
    }

    /// <summary>One property as an unfolded content line; the value is written as stored (already escaped).</summary>
    public static string Format(VCardProperty property)
    {
        var line = new StringBuilder();
        if (property.Group is not null) line.Append(property.Group).Append('.');
        line.Append(property.Name);
        foreach (var parameter in property.Parameters)
            line.Append(';').Append(parameter.Name).Append('=').AppendJoin(',', parameter.Values.Select(FormatParameterValue));
        return line.Append(':').Append(property.Value).ToString();
    }

    // Quoted when the value holds a separator; RFC 6868 caret escapes for what quoting cannot carry.
    private static string FormatParameterValue(string value)
    {
        string encoded = value.Replace("^", "^^").Replace("\r\n", "^n").Replace("\n", "^n").Replace("\"", "^'");
        return encoded.IndexOfAny([';', ':', ',', ' ']) >= 0 ? $"\"{encoded}\"" : encoded;
    }

    // Folding (RFC 6350 §3.2): at most 75 octets per physical line, continuation lines start with one space, and
    // a fold never falls between the octets of one UTF-8 character.
    private static void WriteLine(TextWriter output, string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        int start = 0, limit = MaxLineOctets;
        while (bytes.Length - start > limit)
        {
            int end = start + limit;
            while ((bytes[end] & 0xC0) == 0x80) end--; // back off to the start of the character
            output.Write(Encoding.UTF8.GetString(bytes, start, end - start));
            output.Write("\r\n ");
            start = end;
            limit = MaxLineOctets - 1; // the leading space counts
        }
        output.Write(Encoding.UTF8.GetString(bytes, start, bytes.Length - start));
        output.Write("\r\n");
    }
}
