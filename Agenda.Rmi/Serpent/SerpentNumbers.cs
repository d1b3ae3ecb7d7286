using System.Globalization;
using System.Numerics;
using System.Text;

namespace Agenda.Rmi.Serpent;

/// <summary>Number literals as Python writes and accepts them, read straight from UTF-8.</summary>
internal static class SerpentNumbers
{
    // Python refuses to convert decimal strings longer than this (sys.int_info.default_max_str_digits);
    // the same bound keeps BigInteger parsing from turning a huge literal into a hang.
    private const int MaxIntegerDigits = 4300;

    public static bool StartsNumber(byte c) => c is (>= (byte)'0' and <= (byte)'9') or (byte)'.';

    // signed := ['+' | '-'] blank* number        (one sign only, as literal_eval allows)
    public static object ReadSigned(ReadOnlySpan<byte> s, ref int pos)
    {
        bool minus = false;
        if (s[pos] is (byte)'+' or (byte)'-')
        {
            minus = s[pos++] == '-';
            while (pos < s.Length && s[pos] is (byte)' ' or (byte)'\t') pos++;
            if (pos >= s.Length || !StartsNumber(s[pos]))
                throw new SerpentException("a sign must be followed by a number", s, pos);
        }
        object value = ReadUnsigned(s, ref pos);
        if (!minus) return value;
        return value switch
        {
            long l => -l,
            BigInteger b => Normalize(-b),
            double d => -d,
            _ => -(Complex)value,
        };
    }

    // number := ('0x' | '0o' | '0b') digits                         radix integer, '_' between digits
    //         | digits ['.' [digits]] [exponent] ['j' | 'J']        decimal int, float or imaginary
    //         | '.' digits [exponent] ['j' | 'J']
    // exponent := ('e' | 'E') ['+' | '-'] digits
    public static object ReadUnsigned(ReadOnlySpan<byte> s, ref int pos)
    {
        int start = pos;
        if (s[pos] == '0' && pos + 1 < s.Length && (s[pos + 1] | 0x20) is (byte)'x' or (byte)'o' or (byte)'b')
            return ReadRadixInteger(s, ref pos);
        bool isFloat = false;
        SkipDigits(s, ref pos, allowLeadingUnderscore: false);
        if (pos < s.Length && s[pos] == '.')
        {
            isFloat = true;
            pos++;
            if (pos < s.Length && IsDigit(s[pos])) SkipDigits(s, ref pos, allowLeadingUnderscore: false);
        }
        if (pos - start == 1 && s[start] == '.') throw new SerpentException("a '.' must be part of a number", s, start);
        if (pos < s.Length && (s[pos] | 0x20) == 'e')
        {
            isFloat = true;
            pos++;
            if (pos < s.Length && s[pos] is (byte)'+' or (byte)'-') pos++;
            if (pos >= s.Length || !IsDigit(s[pos])) throw new SerpentException("malformed exponent in number", s, pos);
            SkipDigits(s, ref pos, allowLeadingUnderscore: false);
        }
        var text = WithoutUnderscores(s[start..pos]);
        if (pos < s.Length && (s[pos] | 0x20) == 'j')
        {
            pos++;
            return new Complex(0, double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }
        if (isFloat) return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (text.Length > 1 && text[0] == '0' && text.IndexOfAnyExcept((byte)'0') >= 0)
            throw new SerpentException("leading zeros are not allowed in decimal integers (use 0o for octal)", s, start);
        if (text.Length <= 18) return long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        if (text.Length > MaxIntegerDigits) throw new SerpentException($"integer literal longer than {MaxIntegerDigits} digits", s, start);
        return Normalize(BigInteger.Parse(Encoding.ASCII.GetString(text), NumberStyles.None, CultureInfo.InvariantCulture));
    }

    private static object ReadRadixInteger(ReadOnlySpan<byte> s, ref int pos)
    {
        int start = pos;
        int radix = (s[pos + 1] | 0x20) switch { 'x' => 16, 'o' => 8, _ => 2 };
        pos += 2;
        int digitsStart = pos;
        SkipDigits(s, ref pos, allowLeadingUnderscore: true, hex: radix == 16);
        var digits = WithoutUnderscores(s[digitsStart..pos]);
        if (digits.Length == 0) throw new SerpentException("radix prefix without digits", s, start);
        if (digits.Length > MaxIntegerDigits) throw new SerpentException($"integer literal longer than {MaxIntegerDigits} digits", s, start);
        BigInteger value = BigInteger.Zero;
        foreach (byte d in digits)
        {
            int digit = d <= '9' ? d - '0' : (d | 0x20) - 'a' + 10;
            if (digit >= radix) throw new SerpentException($"invalid digit '{(char)d}' in base-{radix} integer", s, start);
            value = value * radix + digit;
        }
        return Normalize(value);
    }

    // digits := digit ('_'? digit)*
    private static void SkipDigits(ReadOnlySpan<byte> s, ref int pos, bool allowLeadingUnderscore, bool hex = false)
    {
        bool lastWasDigit = allowLeadingUnderscore;
        while (pos < s.Length)
        {
            byte c = s[pos];
            if (IsDigitOf(c, hex)) { pos++; lastWasDigit = true; }
            else if (c == '_' && lastWasDigit && pos + 1 < s.Length && IsDigitOf(s[pos + 1], hex)) { pos++; lastWasDigit = false; }
            else break;
        }
        if (pos < s.Length && s[pos] == '_') throw new SerpentException("misplaced '_' in number", s, pos);
    }

    private static ReadOnlySpan<byte> WithoutUnderscores(ReadOnlySpan<byte> text) =>
        text.IndexOf((byte)'_') < 0 ? text : text.ToArray().Where(b => b != '_').ToArray();

    private static bool IsDigit(byte c) => c is >= (byte)'0' and <= (byte)'9';
    private static bool IsDigitOf(byte c, bool hex) => IsDigit(c) || (hex && (c | 0x20) is >= (byte)'a' and <= (byte)'f');

    /// <summary>Python ints become long when they fit, BigInteger otherwise.</summary>
    public static object Normalize(BigInteger value) =>
        value >= long.MinValue && value <= long.MaxValue ? (long)value : (object)value;
}
