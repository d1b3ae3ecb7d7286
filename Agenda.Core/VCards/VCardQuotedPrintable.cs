using System.Text;

namespace Agenda.Core.VCards;

/// <summary>Quoted-printable (RFC 2045 §6.7) as vCard 2.1 uses it: "=XX" is one octet of the value in its CHARSET.</summary>
internal static class VCardQuotedPrintable
{
    // qp-value = *(qp-octet / "=" 2HEXDIG) ; soft line breaks were already removed by VCardLineReader
    public static string Decode(string value, Encoding charset)
    {
        var octets = new List<byte>(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] == '=' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
            {
                octets.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
                i += 2;
            }
            // A stray "=" or an unencoded non-ASCII character is kept as written rather than rejected.
            else octets.AddRange(Encoding.UTF8.GetBytes(value[i].ToString()));
        }
        return charset.GetString(octets.ToArray());
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
