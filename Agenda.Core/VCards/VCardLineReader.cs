using System.Text;

namespace Agenda.Core.VCards;

/// <summary>
/// Splits raw vCard bytes into logical content lines (RFC 6350 §3.2). Works on bytes, not characters, because
/// exporters fold at 75 octets and some split a multi-byte UTF-8 character across the fold; joining first and
/// decoding after puts it back together.
/// </summary>
public static class VCardLineReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IReadOnlyList<VCardLine> Read(string text) => Read(Encoding.UTF8.GetBytes(text));

    // content-line-stream = *(physical-line (CRLF / LF))
    // folded continuation  = (SP / HTAB) more-octets        ; appended to the previous line without its first octet
    // qp soft break (2.1)  = "=" at the end of a QUOTED-PRINTABLE line ; the next physical line is appended verbatim
    public static IReadOnlyList<VCardLine> Read(byte[] input)
    {
        input = Utf16AsUtf8(input);
        var lines = new List<VCardLine>();
        var logical = new List<byte>();
        int start = 0, number = 0, logicalNumber = 0;
        bool softBreakPending = false;
        if (input.AsSpan().StartsWith(Encoding.UTF8.Preamble)) start = Encoding.UTF8.Preamble.Length;
        while (start < input.Length)
        {
            int end = Array.IndexOf(input, (byte)'\n', start);
            int next = end < 0 ? input.Length : end + 1;
            if (end < 0) end = input.Length;
            if (end > start && input[end - 1] == '\r') end--; // bare LF is tolerated as well as CRLF
            var physical = input.AsSpan(start, end - start);
            number++;
            start = next;

            if (softBreakPending) logical.AddRange(physical);
            else if (physical.Length > 0 && (physical[0] == ' ' || physical[0] == '\t') && logical.Count > 0) logical.AddRange(physical[1..]);
            else
            {
                if (logical.Count > 0) lines.Add(Decode(logicalNumber, logical));
                logical.Clear();
                logicalNumber = number;
                logical.AddRange(physical);
            }
            softBreakPending = EndsWithSoftBreak(logical);
            if (softBreakPending) logical.RemoveAt(logical.Count - 1);
        }
        if (logical.Count > 0) lines.Add(Decode(logicalNumber, logical));
        return lines;
    }

    // Some Windows programs save .vcf files as UTF-16 with a byte order mark; everything below works on UTF-8 octets.
    private static byte[] Utf16AsUtf8(byte[] input)
    {
        Encoding? utf16 = input.AsSpan().StartsWith(Encoding.Unicode.Preamble) ? Encoding.Unicode
            : input.AsSpan().StartsWith(Encoding.BigEndianUnicode.Preamble) ? Encoding.BigEndianUnicode : null;
        return utf16 is null ? input : Encoding.UTF8.GetBytes(utf16.GetString(input, 2, input.Length - 2));
    }

    // A trailing "=" only means "continued" in a quoted-printable value; elsewhere (base64 padding, a URL) it is data.
    private static bool EndsWithSoftBreak(List<byte> line) =>
        line.Count > 0 && line[^1] == '=' && IsQuotedPrintable(line);

    private static bool IsQuotedPrintable(List<byte> line)
    {
        int colon = line.IndexOf((byte)':');
        if (colon < 0) return false;
        string head = Encoding.ASCII.GetString(line.GetRange(0, colon).ToArray());
        return head.Contains("QUOTED-PRINTABLE", StringComparison.OrdinalIgnoreCase);
    }

    // vCard 3.0/4.0 are UTF-8; 2.1 files with 8-bit text and no encoding are usually Windows-1252, so bytes that
    // are not valid UTF-8 are read as that rather than turned into replacement characters.
    private static VCardLine Decode(int number, List<byte> bytes)
    {
        var array = bytes.ToArray();
        try { return new VCardLine(number, StrictUtf8.GetString(array)); }
        catch (DecoderFallbackException) { return new VCardLine(number, VCardCharsets.Get("windows-1252", number).GetString(array)); }
    }
}
