using System.Text;
using System.Text.Unicode;

namespace Agenda.Rmi.Serpent;

/// <summary>String and bytes literals as Python writes and accepts them.</summary>
internal static class SerpentStrings
{
    // prefix := 'u' | 'r' | 'b' | 'br' | 'rb'   (any case; f-strings are not literals)
    public static bool IsPrefix(ReadOnlySpan<byte> name)
    {
        if (name.Length == 0) return true;
        if (name.Length > 2) return false;
        int u = 0, r = 0, b = 0;
        foreach (byte c in name)
        {
            switch (c | 0x20) { case 'u': u++; break; case 'r': r++; break; case 'b': b++; break; default: return false; }
        }
        return name.Length == 1 || (r == 1 && b == 1 && u == 0);
    }

    // literal := prefix? ( "'''" .* "'''" | '"""' .* '"""' | "'" [^'\n]* "'" | '"' [^"\n]* '"' )
    // Backslash escapes are resolved unless the prefix has 'r'; a backslash always keeps the next byte in the literal.
    public static object ReadLiteral(ReadOnlySpan<byte> s, ref int pos)
    {
        bool isBytes = false, isRaw = false;
        while (s[pos] is not ((byte)'\'' or (byte)'"'))
        {
            isBytes |= (s[pos] | 0x20) == 'b';
            isRaw |= (s[pos] | 0x20) == 'r';
            pos++;
        }
        int open = pos;
        byte quote = s[pos];
        bool triple = pos + 2 < s.Length && s[pos + 1] == quote && s[pos + 2] == quote;
        pos += triple ? 3 : 1;
        int start = pos;
        bool hasEscapes = false;
        while (true)
        {
            int i = s[pos..].IndexOfAny(quote, (byte)'\\', (byte)'\n');
            if (i < 0) throw new SerpentException("unterminated string literal", s, open);
            pos += i;
            byte c = s[pos];
            if (c == '\\') { hasEscapes = true; pos += 2; if (pos > s.Length) throw new SerpentException("unterminated string literal", s, open); continue; }
            if (c == '\n') { if (!triple) throw new SerpentException("unterminated string literal (newline in a single-quoted string)", s, open); pos++; continue; }
            if (!triple) break;
            if (pos + 2 < s.Length && s[pos + 1] == quote && s[pos + 2] == quote) break;
            pos++;
        }
        var body = s[start..pos];
        pos += triple ? 3 : 1;
        if (isBytes) return isRaw || !hasEscapes ? AsciiBytes(s, start, body) : DecodeBytesEscapes(s, start, body);
        if (isRaw || !hasEscapes) return Utf8Text(s, start, body);
        return DecodeStrEscapes(s, start, body);
    }

    private static string Utf8Text(ReadOnlySpan<byte> s, int start, ReadOnlySpan<byte> run)
    {
        if (!Utf8.IsValid(run)) throw new SerpentException("invalid UTF-8 in string literal", s, start + FirstInvalidUtf8(run));
        return Encoding.UTF8.GetString(run);
    }

    private static byte[] AsciiBytes(ReadOnlySpan<byte> s, int start, ReadOnlySpan<byte> body)
    {
        int bad = body.IndexOfAnyInRange((byte)0x80, (byte)0xff);
        if (bad >= 0) throw new SerpentException("bytes literals can only contain ASCII characters", s, start + bad);
        return body.ToArray();
    }

    // escape := '\' ( '\n' | '\' | "'" | '"' | 'a' | 'b' | 'f' | 'n' | 'r' | 't' | 'v' | octal{1,3}
    //               | 'x' hex{2} | 'u' hex{4} | 'U' hex{8} )        any other '\c' keeps the backslash, as Python does
    private static string DecodeStrEscapes(ReadOnlySpan<byte> s, int start, ReadOnlySpan<byte> body)
    {
        var text = new StringBuilder(body.Length);
        int i = 0;
        while (i < body.Length)
        {
            int slash = body[i..].IndexOf((byte)'\\');
            int runEnd = slash < 0 ? body.Length : i + slash;
            if (runEnd > i) text.Append(Utf8Text(s, start + i, body[i..runEnd]));
            if (slash < 0) break;
            i = runEnd;
            int at = start + i;
            byte e = body[i + 1];
            i += 2;
            switch (e)
            {
                case (byte)'\n': break;
                case (byte)'x': text.Append((char)Hex(s, at, body, ref i, 2)); break;
                case (byte)'u': text.Append((char)Hex(s, at, body, ref i, 4)); break;
                case (byte)'U':
                    int cp = Hex(s, at, body, ref i, 8);
                    if (cp > 0x10FFFF) throw new SerpentException("\\U escape beyond U+10FFFF", s, at);
                    if (cp is >= 0xD800 and <= 0xDFFF) text.Append((char)cp); else text.Append(char.ConvertFromUtf32(cp));
                    break;
                case (byte)'N': throw new SerpentException("\\N{...} escapes are not supported", s, at);
                case >= (byte)'0' and <= (byte)'7': text.Append((char)Octal(body, ref i)); break;
                default:
                    char simple = Simple(e);
                    if (simple != '\0') text.Append(simple);
                    else { text.Append('\\'); i--; }
                    break;
            }
        }
        return text.ToString();
    }

    private static byte[] DecodeBytesEscapes(ReadOnlySpan<byte> s, int start, ReadOnlySpan<byte> body)
    {
        AsciiBytes(s, start, body);
        var bytes = new List<byte>(body.Length);
        for (int i = 0; i < body.Length;)
        {
            byte c = body[i];
            if (c != '\\') { bytes.Add(c); i++; continue; }
            int at = start + i;
            byte e = body[i + 1];
            i += 2;
            if (e == '\n') continue;
            if (e == 'x') { bytes.Add((byte)Hex(s, at, body, ref i, 2)); continue; }
            if (e is >= (byte)'0' and <= (byte)'7')
            {
                int value = Octal(body, ref i);
                if (value > 0xff) throw new SerpentException("octal escape above \\377 in bytes", s, at);
                bytes.Add((byte)value);
                continue;
            }
            char simple = Simple(e);
            if (simple != '\0') bytes.Add((byte)simple);
            else { bytes.Add((byte)'\\'); i--; }
        }
        return [.. bytes];
    }

    private static char Simple(byte e) => e switch
    {
        (byte)'\\' => '\\', (byte)'\'' => '\'', (byte)'"' => '"', (byte)'a' => '\a', (byte)'b' => '\b',
        (byte)'f' => '\f', (byte)'n' => '\n', (byte)'r' => '\r', (byte)'t' => '\t', (byte)'v' => '\v',
        _ => '\0',
    };

    // i points just after the escape letter; exactly `count` hex digits must follow.
    private static int Hex(ReadOnlySpan<byte> s, int at, ReadOnlySpan<byte> body, ref int i, int count)
    {
        if (i + count > body.Length) throw new SerpentException($"truncated \\{(char)body[i - 1]} escape", s, at);
        int value = 0;
        for (int k = 0; k < count; k++)
        {
            int digit = HexDigit(body[i + k]);
            if (digit < 0) throw new SerpentException($"invalid \\{(char)body[i - 1]} escape", s, at);
            value = value * 16 + digit;
        }
        i += count;
        return value;
    }

    // i points just after the first octal digit; up to two more may follow.
    private static int Octal(ReadOnlySpan<byte> body, ref int i)
    {
        int value = body[i - 1] - '0';
        for (int k = 0; k < 2 && i < body.Length && body[i] is >= (byte)'0' and <= (byte)'7'; k++) value = value * 8 + body[i++] - '0';
        return value;
    }

    private static int HexDigit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> run)
    {
        int offset = 0;
        while (offset < run.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(run[offset..], out _, out int used) != System.Buffers.OperationStatus.Done) return offset;
            offset += used;
        }
        return 0;
    }
}
